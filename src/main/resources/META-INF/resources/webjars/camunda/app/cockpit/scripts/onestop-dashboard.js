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
 * Issue 13 – "Hạn giải quyết thay đổi theo lịch nghỉ chính thức": the dossiers whose legal due date moved later when
 * an official holiday notice replaced the provisional calendar (GET /api/v1/monitoring/due-date-changes). A plugin
 * of its own on the dashboard, self-contained, so the main dashboard can change without touching it.
 */
function renderDueDateChanges(node, api) {
  node.innerHTML = '<section class="onestop-due-date-changes">' +
    '<h2 class="section-title">Hạn giải quyết thay đổi theo lịch nghỉ chính thức</h2>' +
    '<p class="text-muted">Hạn tính trên lịch tạm tính được tính lại khi có thông báo chính thức; ' +
    'hạn mới không bao giờ sớm hơn hạn đã hẹn trên phiếu tiếp nhận.</p>' +
    '<div class="onestop-due-date-changes-list">Đang tải…</div></section>';
  var target = node.querySelector('.onestop-due-date-changes-list');
  getJson(apiUrl('/monitoring/due-date-changes'), api).then(function(changes) {
    if (!changes.length) {
      target.innerHTML = '<p class="text-muted">Không có hồ sơ nào thay đổi hạn giải quyết.</p>';
      return;
    }
    var html = '<table class="cam-table"><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Tổ chức, cá nhân</th>' +
      '<th>Hạn đã hẹn</th><th>Hạn mới</th><th>Lý do</th><th>Thời điểm</th></tr></thead><tbody>';
    changes.forEach(function(c) {
      var code = c.processInstanceId
        ? '<a href="#/process-instance/' + encodeURIComponent(c.processInstanceId) + '/runtime">' + esc(c.dossierCode) +
          '</a>'
        : esc(c.dossierCode);
      html += '<tr><td>' + code + '</td><td>' + esc(c.procedureCode) + '</td><td>' + esc(c.applicantName) +
        '</td><td>' + esc(dateTime(c.previousDueAt)) + '</td><td><strong>' + esc(dateTime(c.newDueAt)) +
        '</strong></td><td>' + esc(c.reason) + '</td><td>' + esc(dateTime(c.changedAt)) + '</td></tr>';
    });
    target.innerHTML = html + '</tbody></table>';
  }, function(error) {
    target.innerHTML = '<p class="text-danger">Không tải được dữ liệu: ' + esc(error.message) + '</p>';
  });
}

// --- One-stop papers (issue 15): the tracking book of a period and the papers of a dossier, as PDF/XLSX links. ---

var PAPER_NAMES = {
  'receipt': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  'refusal': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  'apology': 'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
  'result-copy': 'Thông tin kết quả giải quyết',
  'control-slip': 'Phiếu kiểm soát quá trình giải quyết hồ sơ'
};

function paperLinks(code, papers) {
  var html = '<ul class="onestop-paper-list">';
  papers.forEach(function(p) {
    html += '<li><a target="_blank" rel="noopener" href="' + esc(contextPath() + p.href) + '">' +
      esc(PAPER_NAMES[p.kind] || p.kind) + ' – số ' + esc(p.number) + '</a> (' + esc(dateTime(p.issuedAt)) +
      (p.issuedBy ? ', ' + esc(p.issuedBy) : '') + ')</li>';
  });
  html += '<li><a target="_blank" rel="noopener" href="' +
    esc(apiUrl('/dossiers/' + encodeURIComponent(code) + '/documents/control-slip')) + '">' +
    esc(PAPER_NAMES['control-slip']) + '</a></li>';
  return html + '</ul>';
}

function renderPapers(node, api) {
  var today = new Date();
  node.innerHTML =
    '<section class="onestop-papers">' +
    '<h2 class="section-title">Giấy tờ một cửa</h2>' +
    '<form class="form-inline onestop-book" style="margin-bottom:10px">Sổ theo dõi hồ sơ ' +
    '<label>từ ngày <input type="date" name="from" class="form-control" value="' +
    isoDate(today).substring(0, 8) + '01"></label> ' +
    '<label>đến ngày <input type="date" name="to" class="form-control" value="' + isoDate(today) + '"></label> ' +
    '<a class="btn btn-default onestop-book-pdf" target="_blank" rel="noopener" href="#">PDF</a> ' +
    '<a class="btn btn-default onestop-book-xlsx" target="_blank" rel="noopener" href="#">Excel (XLSX)</a>' +
    '</form>' +
    '<form class="form-inline onestop-dossier-papers">' +
    '<label>Mã hồ sơ <input type="text" name="code" class="form-control" placeholder="H15.50-260302-0001"></label> ' +
    '<button type="submit" class="btn btn-primary">Xem giấy tờ</button></form>' +
    '<div class="onestop-paper-result"></div>' +
    '</section>';
  var book = node.querySelector('.onestop-book');
  function bookLinks() {
    var q = '?from=' + encodeURIComponent(book.from.value) + '&to=' + encodeURIComponent(book.to.value);
    node.querySelector('.onestop-book-pdf').setAttribute('href', apiUrl('/documents/tracking-book' + q));
    node.querySelector('.onestop-book-xlsx').setAttribute('href', apiUrl('/documents/tracking-book' + q + '&format=xlsx'));
  }
  book.addEventListener('change', bookLinks);
  bookLinks();
  var lookup = node.querySelector('.onestop-dossier-papers');
  var result = node.querySelector('.onestop-paper-result');
  lookup.addEventListener('submit', function(event) {
    event.preventDefault();
    var code = lookup.code.value.trim();
    result.innerHTML = 'Đang tải…';
    getJson(apiUrl('/dossiers/' + encodeURIComponent(code) + '/documents'), api).then(function(papers) {
      result.innerHTML = paperLinks(code, papers);
    }, function(error) {
      result.innerHTML = '<p class="text-danger">Không tải được giấy tờ: ' + esc(error.message) + '</p>';
    });
  });
}

export default [
  {
    id: 'onestop.dueDateChanges',
    pluginPoint: 'cockpit.dashboard',
    priority: 90,
    render: function(node, context) {
      renderDueDateChanges(node, context.api);
    }
  },
  {
    id: 'onestop.papers',
    pluginPoint: 'cockpit.dashboard',
    priority: 90,
    render: function(node, context) {
      renderPapers(node, context.api);
    }
  },
  {
    id: 'onestop.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: function(node, context) {
      renderDashboard(node, context.api);
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
