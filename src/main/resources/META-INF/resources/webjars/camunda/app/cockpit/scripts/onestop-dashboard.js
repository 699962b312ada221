/*
 * Một cửa Sở Công Thương – Cockpit plugins (Camunda 7.24 ES-module plugin API, plain JS, no build step).
 * Loaded through `customScripts` in config.js.
 *
 *  - cockpit.dashboard: "Theo dõi giải quyết hồ sơ" for managers – the period report per procedure (or division,
 *    or overall) with a CSV export, and the lists of dossiers due within two working days and overdue, each
 *    linking to its process instance.
 *  - cockpit.processInstance.runtime.tab: "Phiếu kiểm soát" – the process control slip (form 05) of the dossier.
 *
 * Data comes from the application's staff API under /api/v1 (not Cockpit's /camunda/api), with the browser's
 * session cookie; see docs/statistics.md for how that API accepts the Cockpit login.
 */

var ZONE = 'Asia/Ho_Chi_Minh';

function contextPath() {
  // app-root is e.g. "/camunda" (or "/ctx/camunda"); our API lives at the servlet context root
  var appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/camunda\/?$/, '');
}

function apiUrl(path) {
  return contextPath() + '/api/v1' + path;
}

function getJson(url, api) {
  var headers = {Accept: 'application/json'};
  if (api && api.CSRFToken) {
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  return fetch(url, {credentials: 'same-origin', headers: headers}).then(function(response) {
    if (!response.ok) {
      return response.text().then(function(text) {
        var message = text;
        try {
          message = JSON.parse(text).error || text;
        } catch (e) {
          // not JSON
        }
        throw new Error('HTTP ' + response.status + (message ? ': ' + message : ''));
      });
    }
    return response.json();
  });
}

function esc(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return String(value).replace(/[&<>"']/g, function(c) {
    return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
  });
}

function dateTime(value) {
  if (!value) {
    return '';
  }
  return new Date(value).toLocaleString('vi-VN', {
    timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

function isoDate(date) {
  // yyyy-mm-dd of the date in Hải Phòng
  var parts = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
    .format(date);
  return parts;
}

function number(value, digits) {
  if (value === null || value === undefined) {
    return '–';
  }
  return Number(value).toLocaleString('vi-VN', {minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0});
}

function percent(share) {
  return share === null || share === undefined ? '–' : number(share * 100, 1) + '%';
}

var COLUMNS = [
  ['label', 'Thủ tục / đơn vị'],
  ['carriedOver', 'Tồn kỳ trước'],
  ['receivedOnline', 'Nhận trực tuyến'],
  ['receivedCounter', 'Nhận trực tiếp'],
  ['receivedPostal', 'Nhận qua bưu chính'],
  ['solvedEarly', 'Giải quyết trước hạn'],
  ['solvedOnTime', 'Giải quyết đúng hạn'],
  ['solvedLate', 'Giải quyết quá hạn'],
  ['inProcessWithinDeadline', 'Đang giải quyết trong hạn'],
  ['inProcessPastDeadline', 'Đang giải quyết quá hạn'],
  ['pausedForSupplement', 'Chờ bổ sung'],
  ['refused', 'Từ chối tiếp nhận'],
  ['withdrawn', 'Rút hồ sơ'],
  ['averageProcessingDays', 'TG giải quyết TB (ngày làm việc)'],
  ['onTimeShare', 'Tỷ lệ trước và đúng hạn']
];

function cell(row, key, strong) {
  var value = row[key];
  var text;
  if (key === 'label') {
    text = esc(value);
  } else if (key === 'onTimeShare') {
    text = percent(value);
  } else if (key === 'averageProcessingDays') {
    text = number(value, 2);
  } else {
    text = number(value);
  }
  var cls = key === 'label' ? '' : ' class="text-right"';
  var late = (key === 'solvedLate' || key === 'inProcessPastDeadline') && value > 0 ? ' style="color:#b5152b"' : '';
  return '<td' + cls + late + ' data-key="' + key + '">' + (strong ? '<strong>' + text + '</strong>' : text) + '</td>';
}

function statisticsTable(report) {
  var html = '<table class="cam-table onestop-statistics"><thead><tr>';
  COLUMNS.forEach(function(c) {
    html += '<th' + (c[0] === 'label' ? '' : ' class="text-right"') + '>' + esc(c[1]) + '</th>';
  });
  html += '</tr></thead><tbody>';
  report.rows.forEach(function(row) {
    html += '<tr data-row="' + esc(row.key) + '">' + COLUMNS.map(function(c) {
      return cell(row, c[0], false);
    }).join('') + '</tr>';
  });
  html += '<tr data-row="total">' + COLUMNS.map(function(c) {
    return cell(report.total, c[0], true);
  }).join('') + '</tr></tbody></table>';
  return html;
}

function dossierList(dossiers, emptyText) {
  if (!dossiers.length) {
    return '<p class="text-muted">' + esc(emptyText) + '</p>';
  }
  var html = '<table class="cam-table"><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Đơn vị</th>' +
    '<th>Bước hiện tại</th><th>Tổ chức, cá nhân</th><th>Hạn giải quyết</th></tr></thead><tbody>';
  dossiers.forEach(function(d) {
    var steps = d.steps.length ? d.steps : [{name: '', processInstanceId: d.processInstanceId}];
    var stepText = steps.map(function(s) {
      return esc(s.name) + (s.assignee ? ' (' + esc(s.assignee) + ')' : '');
    }).join('<br>');
    var instance = steps[0].processInstanceId || d.processInstanceId;
    html += '<tr><td><a href="#/process-instance/' + encodeURIComponent(instance) + '/runtime">' + esc(d.code) +
      '</a></td><td>' + esc(d.procedureName) + '</td><td>' + esc(d.divisionName) + '</td><td>' + stepText +
      '</td><td>' + esc(d.applicantName) + '</td><td>' + esc(dateTime(d.dueAt)) + '</td></tr>';
  });
  return html + '</tbody></table>';
}

function renderDashboard(node, api) {
  var today = new Date();
  var yearStart = isoDate(today).substring(0, 4) + '-01-01';
  node.innerHTML =
    '<section class="onestop-dashboard">' +
    '<h1 class="section-title">Theo dõi giải quyết hồ sơ</h1>' +
    '<form class="form-inline onestop-period" style="margin-bottom:10px">' +
    '<label>Từ ngày <input type="date" name="from" class="form-control" value="' + yearStart + '"></label> ' +
    '<label>Đến ngày <input type="date" name="to" class="form-control" value="' + isoDate(today) + '"></label> ' +
    '<label>Theo <select name="groupBy" class="form-control">' +
    '<option value="procedure">Thủ tục</option><option value="division">Đơn vị</option>' +
    '<option value="overall">Toàn Sở</option></select></label> ' +
    '<button type="submit" class="btn btn-primary">Xem</button> ' +
    '<a class="btn btn-default onestop-csv" href="#">Tải về (CSV)</a>' +
    '</form>' +
    '<div class="onestop-report">Đang tải…</div>' +
    '<h2 class="section-title">Hồ sơ quá hạn</h2><div class="onestop-overdue">Đang tải…</div>' +
    '<h2 class="section-title">Hồ sơ sắp đến hạn (trong 2 ngày làm việc)</h2>' +
    '<div class="onestop-at-risk">Đang tải…</div>' +
    '</section>';

  var form = node.querySelector('form');
  var csv = node.querySelector('.onestop-csv');

  function query() {
    return '?from=' + encodeURIComponent(form.from.value) + '&to=' + encodeURIComponent(form.to.value) +
      '&groupBy=' + encodeURIComponent(form.groupBy.value);
  }

  function fail(target) {
    return function(error) {
      target.innerHTML = '<p class="text-danger">Không tải được dữ liệu: ' + esc(error.message) + '</p>';
    };
  }

  function loadReport() {
    var target = node.querySelector('.onestop-report');
    csv.setAttribute('href', apiUrl('/statistics.csv' + query()));
    getJson(apiUrl('/statistics' + query()), api).then(function(report) {
      target.innerHTML = statisticsTable(report);
    }, fail(target));
  }

  function loadLists() {
    var overdue = node.querySelector('.onestop-overdue');
    var atRisk = node.querySelector('.onestop-at-risk');
    getJson(apiUrl('/monitoring/overdue'), api).then(function(list) {
      overdue.innerHTML = dossierList(list, 'Không có hồ sơ quá hạn.');
    }, fail(overdue));
    getJson(apiUrl('/monitoring/at-risk'), api).then(function(list) {
      atRisk.innerHTML = dossierList(list, 'Không có hồ sơ sắp đến hạn.');
    }, fail(atRisk));
  }

  form.addEventListener('submit', function(event) {
    event.preventDefault();
    loadReport();
  });
  loadReport();
  loadLists();
}

function renderControlSlip(node, api, processInstanceId) {
  node.innerHTML = '<div class="onestop-control-slip">Đang tải…</div>';
  var target = node.firstChild;
  getJson(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId), api)
    .then(function(instance) {
      if (!instance.businessKey) {
        throw new Error('phiên chạy không có mã hồ sơ');
      }
      return getJson(apiUrl('/dossiers/' + encodeURIComponent(instance.businessKey) + '/control-slip'), api);
    })
    .then(function(slip) {
      var html = '<h3>Phiếu kiểm soát quá trình giải quyết hồ sơ</h3>' +
        '<p>Mã hồ sơ: <strong>' + esc(slip.code) + '</strong> – ' + esc(slip.procedureName) +
        '<br>Tổ chức, cá nhân: ' + esc(slip.applicantName) +
        '<br>Tiếp nhận: ' + esc(dateTime(slip.receivedAt)) + ' – Hẹn trả: ' + esc(dateTime(slip.dueAt)) +
        '<br>Trạng thái: ' + esc(slip.status) + (slip.timeliness ? ' (' + esc(slip.timeliness) + ')' : '') + '</p>' +
        '<table class="cam-table"><thead><tr><th>STT</th><th>Bên giao</th><th>Người giao</th><th>Bên nhận</th>' +
        '<th>Thời gian giao</th><th>Hạn xử lý</th><th>Hoàn thành</th><th>Người thực hiện</th>' +
        '<th>Kết quả</th></tr></thead><tbody>';
      slip.lines.forEach(function(l) {
        html += '<tr><td>' + l.seq + '</td><td>' + esc(l.fromUnitName) + '</td><td>' + esc(l.fromUser) + '</td><td>' +
          esc(l.toUnitName) + '</td><td>' + esc(dateTime(l.handedAt)) + '</td><td>' + esc(dateTime(l.dueAt)) +
          '</td><td>' + esc(dateTime(l.finishedAt)) + '</td><td>' + esc(l.finishedBy) + '</td><td>' +
          esc(l.timelinessLabel || (l.finishedAt ? '' : 'đang xử lý')) + '</td></tr>';
      });
      target.innerHTML = html + '</tbody></table>';
    })
    .catch(function(error) {
      target.innerHTML = '<p class="text-danger">Không tải được phiếu kiểm soát: ' + esc(error.message) + '</p>';
    });
}

/*
 * Outbox (issue 16): "Tin nhắn gửi lỗi" – messages to applicants, staff or the portal parked as dead after their last
 * attempt, with a retry. Reading uses the Cockpit login; a retry is a write and carries the operator's own
 * credentials (HTTP Basic, typed into the block), as every write to /api/v1 must: the session cookie alone never
 * writes. Managers and administrators only (the API answers 403 to others).
 */
function renderDeadMessages(node, api) {
  node.innerHTML = '<section class="onestop-dead-messages"><h2 class="section-title">Tin nhắn gửi lỗi</h2>' +
    '<div class="onestop-dead-list">Đang tải…</div>' +
    '<form class="form-inline onestop-dead-login" style="margin-top:6px">' +
    '<label>Tài khoản <input name="user" class="form-control" autocomplete="username"></label> ' +
    '<label>Mật khẩu <input name="password" type="password" class="form-control" autocomplete="current-password">' +
    '</label> <span class="text-muted">(cần để gửi lại)</span></form></section>';
  var list = node.querySelector('.onestop-dead-list');
  var login = node.querySelector('form');

  function load() {
    getJson(apiUrl('/outbox/dead'), api).then(function(rows) {
      if (!rows.length) {
        list.innerHTML = '<p class="text-muted">Không có tin nhắn gửi lỗi.</p>';
        return;
      }
      var html = '<p><strong>' + rows.length + '</strong> tin nhắn đã dừng gửi sau nhiều lần thử.</p>' +
        '<table class="cam-table"><thead><tr><th>Mã hồ sơ</th><th>Kênh</th><th>Người nhận</th><th>Loại</th>' +
        '<th>Số lần thử</th><th>Lỗi cuối</th><th>Tạo lúc</th><th></th></tr></thead><tbody>';
      rows.forEach(function(m) {
        html += '<tr><td>' + esc(m.dossierCode) + '</td><td>' + esc(m.channel) + '</td><td>' + esc(m.recipient) +
          '</td><td>' + esc(m.kind) + '</td><td class="text-right">' + esc(m.attempts) + '</td><td>' +
          esc(m.lastError) + '</td><td>' + esc(dateTime(m.createdAt)) + '</td><td><button type="button" ' +
          'class="btn btn-default btn-xs" data-retry="' + esc(m.id) + '">Gửi lại</button></td></tr>';
      });
      list.innerHTML = html + '</tbody></table>';
    }, function(error) {
      list.innerHTML = '<p class="text-danger">Không tải được danh sách: ' + esc(error.message) + '</p>';
    });
  }

  list.addEventListener('click', function(event) {
    var id = event.target.getAttribute('data-retry');
    if (!id) {
      return;
    }
    var credentials = btoa(unescape(encodeURIComponent(login.user.value + ':' + login.password.value)));
    fetch(apiUrl('/outbox/dead/' + encodeURIComponent(id) + '/retry'), {
      method: 'POST', credentials: 'omit',
      headers: {Accept: 'application/json', Authorization: 'Basic ' + credentials, 'X-Requested-With': 'XMLHttpRequest'}
    }).then(function(response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      load();
    }).catch(function(error) {
      list.insertAdjacentHTML('afterbegin', '<p class="text-danger">Không gửi lại được: ' + esc(error.message) + '</p>');
    });
  });
  load();
}

export default [
  {
    id: 'onestop.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: function(node, context) {
      renderDashboard(node, context.api);
    }
  },
  {
    id: 'onestop.deadMessages',
    pluginPoint: 'cockpit.dashboard',
    priority: 90,
    render: function(node, context) {
      renderDeadMessages(node, context.api);
    }
  },
  {
    id: 'onestop.controlSlip',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    properties: {
      label: 'Phiếu kiểm soát'
    },
    render: function(node, context) {
      renderControlSlip(node, context.api, context.processInstanceId);
    }
  }
];
