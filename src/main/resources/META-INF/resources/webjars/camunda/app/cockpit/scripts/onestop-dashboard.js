/*
 * Một cửa Sở Công Thương – Cockpit plugins (Camunda 7.24 ES-module plugin API, plain JS, no build step).
 * Loaded through `customScripts` in config.js.
 *
 *  - cockpit.dashboard: "Theo dõi giải quyết hồ sơ" for managers – one function per section (DASHBOARD_SECTIONS):
 *    the period report per procedure (or division, or overall) with CSV and the periodic report to the city (XLSX
 *    and PDF),
 *    the charts of the same period (Chart.js, served by the application), the lists of dossiers due within two
 *    working days and overdue. A new block is one more entry of DASHBOARD_SECTIONS.
 *  - cockpit.route #/onestop/search: "Tra cứu hồ sơ" – find any dossier, finished or not (navigation entry too).
 *  - cockpit.route #/onestop/dossier?code=…: a dossier's whole story, with its path on Cockpit's own BPMN viewer.
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

// ---------------------------------------------------------------------------------------------------------------
// The dashboard: a period form and one section per entry of DASHBOARD_SECTIONS. Each section gets its own target
// element and a context {api, period(), query()}; `load` runs on start and whenever the period changes.

var DASHBOARD_SECTIONS = [
  {id: 'links', load: sectionLinks},
  {id: 'report', title: 'Số liệu của kỳ', load: sectionReport},
  {id: 'charts', title: 'Biểu đồ', load: sectionCharts},
  {id: 'overdue', title: 'Hồ sơ quá hạn', load: sectionOverdue, once: true},
  {id: 'at-risk', title: 'Hồ sơ sắp đến hạn (trong 2 ngày làm việc)', load: sectionAtRisk, once: true}
];

function renderDashboard(node, api) {
  var today = new Date();
  // a link may name the period (#/dashboard?from=2018-01-01&to=2018-09-12, as the 2018 replay prints it)
  var from = hashParameter('from') || isoDate(today).substring(0, 4) + '-01-01';
  var to = hashParameter('to') || isoDate(today);
  var html =
    '<section class="onestop-dashboard">' +
    '<h1 class="section-title">Theo dõi giải quyết hồ sơ</h1>' +
    '<form class="form-inline onestop-period" style="margin-bottom:10px">' +
    '<label>Từ ngày <input type="date" name="from" class="form-control" value="' + esc(from) + '"></label> ' +
    '<label>Đến ngày <input type="date" name="to" class="form-control" value="' + esc(to) + '"></label> ' +
    '<label>Theo <select name="groupBy" class="form-control">' +
    '<option value="procedure">Thủ tục</option><option value="division">Đơn vị</option>' +
    '<option value="overall">Toàn Sở</option></select></label> ' +
    '<button type="submit" class="btn btn-primary">Xem</button>' +
    '</form>';
  DASHBOARD_SECTIONS.forEach(function(section) {
    html += (section.title ? '<h2 class="section-title">' + esc(section.title) + '</h2>' : '') +
      '<div class="onestop-section onestop-' + section.id + '">Đang tải…</div>';
  });
  node.innerHTML = html + '</section>';

  var form = node.querySelector('form');
  var context = {
    api: api,
    period: function() {
      return {from: form.from.value, to: form.to.value, groupBy: form.groupBy.value};
    },
    query: function() {
      return '?from=' + encodeURIComponent(form.from.value) + '&to=' + encodeURIComponent(form.to.value);
    }
  };
  function load(all) {
    DASHBOARD_SECTIONS.forEach(function(section) {
      if (all || !section.once) {
        section.load(node.querySelector('.onestop-' + section.id), context);
      }
    });
  }
  form.addEventListener('submit', function(event) {
    event.preventDefault();
    load(false);
  });
  load(true);
}

function fail(target, what) {
  return function(error) {
    target.innerHTML = '<p class="text-danger">Không tải được ' + esc(what || 'dữ liệu') + ': ' +
      esc(error.message) + '</p>';
  };
}

function sectionLinks(target, context) {
  var q = context.query();
  target.innerHTML = '<p class="onestop-links">' +
    '<a class="btn btn-default onestop-search-link" href="#/onestop/search">Tra cứu hồ sơ</a> ' +
    '<a class="btn btn-default onestop-csv" href="' + esc(apiUrl('/statistics.csv' + q + '&groupBy=' +
      encodeURIComponent(context.period().groupBy))) + '">Tải số liệu (CSV)</a> ' +
    '<a class="btn btn-default onestop-xlsx" href="' + esc(apiUrl('/statistics/periodic-report.xlsx' + q)) +
    '">Báo cáo định kỳ gửi Thành phố (XLSX)</a> ' +
    '<a class="btn btn-default onestop-report-pdf" target="_blank" rel="noopener" href="' +
    esc(apiUrl('/statistics/periodic-report.pdf' + q)) + '">Báo cáo định kỳ (PDF)</a></p>';
}

function sectionReport(target, context) {
  getJson(apiUrl('/statistics' + context.query() + '&groupBy=' + encodeURIComponent(context.period().groupBy)),
    context.api).then(function(report) {
    target.innerHTML = statisticsTable(report);
  }, fail(target));
}

function sectionOverdue(target, context) {
  getJson(apiUrl('/monitoring/overdue'), context.api).then(function(list) {
    target.innerHTML = dossierList(list, 'Không có hồ sơ quá hạn.');
  }, fail(target));
}

function sectionAtRisk(target, context) {
  getJson(apiUrl('/monitoring/at-risk'), context.api).then(function(list) {
    target.innerHTML = dossierList(list, 'Không có hồ sơ sắp đến hạn.');
  }, fail(target));
}

// ---------------------------------------------------------------------------------------------------------------
// Charts (Chart.js 4 from the application's webjar; no CDN). Numbers show on hover (Chart.js tooltips).

var CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
var chartJs = null;

function loadChartJs() {
  if (!chartJs) {
    chartJs = new Promise(function(resolve, reject) {
      if (window.Chart) {
        resolve(window.Chart);
        return;
      }
      // Cockpit has an AMD loader: a UMD bundle would register with it instead of setting window.Chart
      var define = window.define;
      window.define = undefined;
      var script = document.createElement('script');
      script.src = contextPath() + CHART_JS;
      script.onload = function() {
        window.define = define;
        resolve(window.Chart);
      };
      script.onerror = function() {
        window.define = define;
        chartJs = null;
        reject(new Error('không tải được thư viện biểu đồ'));
      };
      document.head.appendChild(script);
    });
  }
  return chartJs;
}

var COLORS = {received: '#4a90d9', solved: '#52b415', late: '#b5152b', rate: '#f0ad4e', warning: '#f0ad4e'};

function rate(row) {
  return row.onTimeShare === null || row.onTimeShare === undefined ? null : Math.round(row.onTimeShare * 1000) / 10;
}

/** Received and solved as bars, the on-time share (%) as a line on its own axis. */
function volumeChart(labels, rows, title) {
  return {
    type: 'bar',
    data: {
      labels: labels,
      datasets: [
        {label: 'Tiếp nhận', data: rows.map(function(r) { return r.received; }), backgroundColor: COLORS.received},
        {label: 'Đã giải quyết', data: rows.map(function(r) { return r.solved; }), backgroundColor: COLORS.solved},
        {label: 'Tỷ lệ trước và đúng hạn (%)', type: 'line', yAxisID: 'rate', data: rows.map(rate),
          borderColor: COLORS.rate, backgroundColor: COLORS.rate, spanGaps: true}
      ]
    },
    options: {
      responsive: true, maintainAspectRatio: false, interaction: {mode: 'index', intersect: false},
      plugins: {title: {display: true, text: title}},
      scales: {
        y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'Số hồ sơ'}},
        rate: {position: 'right', min: 0, max: 100, grid: {drawOnChartArea: false}, title: {display: true, text: '%'}}
      }
    }
  };
}

function chartBox(id, height) {
  return '<div class="onestop-chart" style="position:relative;height:' + (height || 280) + 'px;margin-bottom:20px">' +
    '<canvas data-chart="' + id + '"></canvas></div>';
}

function sectionCharts(target, context) {
  (target.charts || []).forEach(function(chart) {
    chart.destroy();
  });
  target.charts = [];
  Promise.all([loadChartJs(), getJson(apiUrl('/statistics/charts' + context.query()), context.api)])
    .then(function(results) {
      var Chart = results[0];
      var data = results[1];
      target.innerHTML = '<div class="row"><div class="col-md-12">' + chartBox('months', 300) + '</div></div>' +
        '<div class="row"><div class="col-md-6">' + chartBox('procedures') + '</div>' +
        '<div class="col-md-6">' + chartBox('divisions') + '</div></div>' +
        '<div class="row"><div class="col-md-6">' + chartBox('processing-time') + '</div>' +
        '<div class="col-md-6">' + chartBox('overruns') + '</div></div>' +
        '<div class="row"><div class="col-md-6">' + chartBox('deadlines') + '</div></div>';
      function draw(id, config) {
        target.charts.push(new Chart(target.querySelector('canvas[data-chart="' + id + '"]'), config));
      }
      draw('months', volumeChart(data.months.map(function(m) { return m.month; }),
        data.months.map(function(m) { return m.total; }), 'Hồ sơ tiếp nhận, giải quyết theo tháng'));
      draw('procedures', volumeChart(data.byProcedure.rows.map(function(r) { return r.label; }),
        data.byProcedure.rows, 'Theo thủ tục'));
      draw('divisions', volumeChart(data.byDivision.rows.map(function(r) { return r.label; }),
        data.byDivision.rows, 'Theo đơn vị'));
      draw('processing-time', {
        type: 'bar',
        data: {
          labels: data.processingTime.map(function(b) { return b.label; }),
          datasets: [{label: 'Số hồ sơ', data: data.processingTime.map(function(b) { return b.dossiers; }),
            backgroundColor: data.processingTime.map(function(b) {
              return b.lowPercent !== null && b.lowPercent >= 100 ? COLORS.late : COLORS.solved;
            })}]
        },
        options: {responsive: true, maintainAspectRatio: false,
          plugins: {title: {display: true, text: 'Thời gian giải quyết so với thời hạn luật định'},
            legend: {display: false}},
          scales: {y: {beginAtZero: true, ticks: {precision: 0}},
            x: {title: {display: true, text: 'Phần trăm thời hạn đã dùng'}}}}
      });
      var top = data.overruns.slice(0, 10);
      draw('overruns', {
        type: 'bar',
        data: {
          labels: top.map(function(s) { return s.stepName; }),
          datasets: [
            {label: 'Quá hạn', data: top.map(function(s) { return s.overdue; }), backgroundColor: COLORS.late},
            {label: 'Cảnh báo sắp đến hạn', data: top.map(function(s) { return s.warnings; }),
              backgroundColor: COLORS.warning}
          ]
        },
        options: {indexAxis: 'y', responsive: true, maintainAspectRatio: false,
          plugins: {title: {display: true, text: top.length ? 'Các bước hay vượt thời gian quy định (ISO)'
            : 'Không có bước nào vượt thời gian quy định trong kỳ'}},
          scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}
      });
      // the effect of the cuts: the legal deadline before and after, and the time dossiers actually took
      draw('deadlines', {
        type: 'bar',
        data: {
          labels: data.deadlines.map(function(d) { return d.label; }),
          datasets: [
            {label: 'Thời hạn trước cắt giảm', data: data.deadlines.map(function(d) { return d.daysBefore; }),
              backgroundColor: '#999999'},
            {label: 'Thời hạn hiện hành', data: data.deadlines.map(function(d) { return d.daysNow; }),
              backgroundColor: COLORS.received},
            {label: 'Thời gian giải quyết trung bình', data: data.deadlines.map(function(d) {
              return d.averageProcessingDays;
            }), backgroundColor: COLORS.solved}
          ]
        },
        options: {responsive: true, maintainAspectRatio: false,
          plugins: {title: {display: true, text: 'Thời hạn giải quyết trước và sau cắt giảm (ngày làm việc)'}},
          scales: {y: {beginAtZero: true}}}
      });
    }, fail(target, 'biểu đồ'));
}

// ---------------------------------------------------------------------------------------------------------------
// Search: #/onestop/search

var STATUSES = [
  // the portal's status codes (dossier/DossierStatus)
  [1, 'Mới đăng ký'], [2, 'Đã tiếp nhận'], [3, 'Không tiếp nhận'], [4, 'Đang xử lý'], [5, 'Yêu cầu bổ sung hồ sơ'],
  [6, 'Yêu cầu thực hiện nghĩa vụ tài chính'], [7, 'Rút hồ sơ'], [8, 'Dừng xử lý'], [9, 'Đã xử lý xong'],
  [10, 'Đã trả kết quả']
];

var SEARCH_COLUMNS = [
  ['code', 'Mã hồ sơ'], ['procedureName', 'Thủ tục'], ['divisionName', 'Đơn vị'], ['applicant', 'Tổ chức, cá nhân'],
  ['channelLabel', 'Hình thức nộp'], ['status', 'Trạng thái'], ['registeredAt', 'Ngày nộp'],
  ['dueAt', 'Hạn giải quyết'], ['completedAt', 'Ngày giải quyết']
];
var SORTABLE = ['code', 'applicant', 'status', 'registeredAt', 'dueAt', 'completedAt'];

function options(pairs, empty) {
  return '<option value="">' + esc(empty) + '</option>' + pairs.map(function(p) {
    return '<option value="' + esc(p[0]) + '">' + esc(p[1]) + '</option>';
  }).join('');
}

function renderSearch(node, api) {
  node.innerHTML = '<section class="onestop-search-page" style="padding:15px">' +
    '<h1 class="section-title">Tra cứu hồ sơ</h1>' +
    '<p><a href="#/">← Theo dõi giải quyết hồ sơ</a></p>' +
    '<form class="form-inline onestop-search" style="margin-bottom:10px">' +
    '<input name="code" class="form-control" placeholder="Mã hồ sơ"> ' +
    '<input name="applicant" class="form-control" placeholder="Tên tổ chức, cá nhân"> ' +
    '<input name="idNumber" class="form-control" placeholder="Số giấy tờ"> ' +
    '<select name="procedure" class="form-control"></select> ' +
    '<select name="status" class="form-control">' + options(STATUSES, 'Mọi trạng thái') + '</select> ' +
    '<select name="channel" class="form-control">' + options([['ONLINE', 'Trực tuyến'], ['COUNTER', 'Trực tiếp'],
      ['POSTAL', 'Bưu chính']], 'Mọi hình thức') + '</select> ' +
    '<select name="division" class="form-control"></select> ' +
    '<label>Nộp từ <input type="date" name="from" class="form-control"></label> ' +
    '<label>đến <input type="date" name="to" class="form-control"></label> ' +
    '<button type="submit" class="btn btn-primary">Tìm</button></form>' +
    '<div class="onestop-results"></div></section>';
  var form = node.querySelector('form');
  var results = node.querySelector('.onestop-results');
  var state = {sort: 'registeredAt,desc', page: 0};

  // the procedures and divisions of the catalog, with their Vietnamese names, as the period report lists them
  var year = isoDate(new Date()).substring(0, 4);
  ['procedure', 'division'].forEach(function(groupBy) {
    form[groupBy].innerHTML = options([], groupBy === 'procedure' ? 'Mọi thủ tục' : 'Mọi đơn vị');
    getJson(apiUrl('/statistics?from=' + year + '-01-01&to=' + year + '-01-01&groupBy=' + groupBy), api)
      .then(function(report) {
        form[groupBy].innerHTML = options(report.rows.map(function(r) { return [r.key, r.label]; }),
          groupBy === 'procedure' ? 'Mọi thủ tục' : 'Mọi đơn vị');
      });
  });

  function search() {
    var params = ['sort=' + encodeURIComponent(state.sort), 'page=' + state.page, 'size=20'];
    ['code', 'applicant', 'idNumber', 'procedure', 'status', 'channel', 'division', 'from', 'to'].forEach(function(n) {
      if (form[n].value) {
        params.push(n + '=' + encodeURIComponent(form[n].value));
      }
    });
    results.innerHTML = 'Đang tìm…';
    getJson(apiUrl('/dossiers?' + params.join('&')), api).then(function(page) {
      results.innerHTML = searchTable(page, state);
      results.querySelectorAll('th[data-sort]').forEach(function(th) {
        th.addEventListener('click', function() {
          var key = th.getAttribute('data-sort');
          state.sort = key + (state.sort === key + ',asc' ? ',desc' : ',asc');
          state.page = 0;
          search();
        });
      });
      results.querySelectorAll('button[data-page]').forEach(function(button) {
        button.addEventListener('click', function() {
          state.page = Number(button.getAttribute('data-page'));
          search();
        });
      });
    }, function(error) {
      results.innerHTML = '<p class="text-danger">' + esc(error.message) + '</p>';
    });
  }
  form.addEventListener('submit', function(event) {
    event.preventDefault();
    state.page = 0;
    search();
  });
  search();
}

function searchTable(page, state) {
  if (!page.items.length) {
    return '<p class="text-muted onestop-no-results">Không có hồ sơ phù hợp.</p>';
  }
  var html = '<table class="cam-table onestop-results-table"><thead><tr>';
  SEARCH_COLUMNS.forEach(function(c) {
    var sortable = SORTABLE.indexOf(c[0]) >= 0;
    var arrow = state.sort === c[0] + ',asc' ? ' ▲' : state.sort === c[0] + ',desc' ? ' ▼' : '';
    html += '<th' + (sortable ? ' data-sort="' + c[0] + '" style="cursor:pointer"' : '') + '>' + esc(c[1]) + arrow +
      '</th>';
  });
  html += '</tr></thead><tbody>';
  page.items.forEach(function(d) {
    html += '<tr data-code="' + esc(d.code) + '"><td><a href="#/onestop/dossier?code=' + encodeURIComponent(d.code) +
      '">' + esc(d.code) + '</a></td><td>' + esc(d.procedureName) + '</td><td>' + esc(d.divisionName) + '</td><td>' +
      esc(d.applicantName) + '</td><td>' + esc(d.channelLabel) + '</td><td>' + esc(d.statusLabel) +
      (d.timelinessLabel ? ' (' + esc(d.timelinessLabel) + ')' : '') + '</td><td>' + esc(dateTime(d.registeredAt)) +
      '</td><td>' + esc(dateTime(d.dueAt)) + '</td><td>' + esc(dateTime(d.completedAt)) + '</td></tr>';
  });
  var pages = Math.max(1, Math.ceil(page.total / page.size));
  html += '</tbody></table><p class="onestop-pager">' +
    '<button type="button" class="btn btn-default btn-sm"' + (page.page > 0 ? ' data-page="' + (page.page - 1) + '"'
      : ' disabled') + '>Trang trước</button> Trang ' + (page.page + 1) + ' / ' + pages + ' – ' +
    number(page.total) + ' hồ sơ ' +
    '<button type="button" class="btn btn-default btn-sm"' + (page.page + 1 < pages ? ' data-page="' +
      (page.page + 1) + '"' : ' disabled') + '>Trang sau</button></p>';
  return html;
}

// ---------------------------------------------------------------------------------------------------------------
// A dossier's story: #/onestop/dossier?code=...

function hashParameter(name) {
  var hash = window.location.hash;
  var query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  var found = null;
  query.split('&').forEach(function(pair) {
    var parts = pair.split('=');
    if (decodeURIComponent(parts[0]) === name) {
      found = decodeURIComponent((parts[1] || '').replace(/\+/g, ' '));
    }
  });
  return found;
}

function table(headers, rows) {
  if (!rows.length) {
    return '<p class="text-muted">Không có.</p>';
  }
  return '<table class="cam-table"><thead><tr>' + headers.map(function(h) {
    return '<th>' + esc(h) + '</th>';
  }).join('') + '</tr></thead><tbody>' + rows.map(function(cells) {
    return '<tr>' + cells.map(function(c) { return '<td>' + c + '</td>'; }).join('') + '</tr>';
  }).join('') + '</tbody></table>';
}

function angularInjector() {
  var angular = window.angular;
  return angular && angular.element(document.querySelector('[ng-app]') || document.body).injector();
}

/**
 * Cockpit registers a plugin's route with Angular's default reloadOnSearch: the BPMN viewer writes its zoom into
 * the URL's search (?viewbox=…), which would render the whole page again, viewers included, again and again.
 */
function keepOnSearchChange(path) {
  var injector = angularInjector();
  var route = injector && injector.get('$route').routes[path];
  if (route) {
    route.reloadOnSearch = false;
  }
}

function renderStory(node, api) {
  keepOnSearchChange('/onestop/dossier');
  var code = hashParameter('code');
  node.innerHTML = '<section class="onestop-story" style="padding:15px">Đang tải…</section>';
  var target = node.firstChild;
  if (!code) {
    target.innerHTML = '<p class="text-danger">Thiếu mã hồ sơ.</p>';
    return;
  }
  getJson(apiUrl('/dossiers/' + encodeURIComponent(code) + '/story'), api).then(function(story) {
    var f = story.facts;
    var html = '<p><a href="#/onestop/search">← Tra cứu hồ sơ</a></p>' +
      '<h1 class="section-title">Hồ sơ ' + esc(f.code) + '</h1>' +
      '<dl class="dl-horizontal onestop-facts">' +
      '<dt>Thủ tục</dt><dd>' + esc(f.procedureName) + '</dd>' +
      '<dt>Đơn vị</dt><dd>' + esc(f.divisionName) + '</dd>' +
      '<dt>Tổ chức, cá nhân</dt><dd>' + esc(f.applicantName) + (f.applicantIdNumber ? ' – số giấy tờ ' +
        esc(f.applicantIdNumber) : '') + '</dd>' +
      '<dt>Liên hệ</dt><dd>' + esc([f.applicantPhone, f.applicantEmail, f.applicantAddress].filter(Boolean)
        .join(' – ')) + '</dd>' +
      '<dt>Hình thức nộp</dt><dd>' + esc(f.channelLabel) + '</dd>' +
      '<dt>Trạng thái</dt><dd class="onestop-status">' + esc(f.statusLabel) +
        (f.timelinessLabel ? ' (' + esc(f.timelinessLabel) + ')' : '') + '</dd>' +
      '<dt>Nộp / tiếp nhận</dt><dd>' + esc(dateTime(f.registeredAt)) + ' / ' + esc(dateTime(f.receivedAt)) + '</dd>' +
      '<dt>Hẹn trả</dt><dd>' + esc(dateTime(f.dueAt)) + (f.rescheduledDueAt ? ' – hẹn lại ' +
        esc(dateTime(f.rescheduledDueAt)) : '') + (f.deadlineDays ? ' (' + number(f.deadlineDays, 1) +
        ' ngày làm việc)' : '') + '</dd>' +
      '<dt>Giải quyết / trả</dt><dd>' + esc(dateTime(f.completedAt)) + ' / ' + esc(dateTime(f.returnedAt)) + '</dd>' +
      '</dl>';
    if (f.running && f.processInstanceId) {
      html += '<p><a class="btn btn-default onestop-instance-link" href="#/process-instance/' +
        encodeURIComponent(f.processInstanceId) + '/runtime">Xem phiên chạy trong Cockpit</a></p>';
    }
    html += '<h2 class="section-title">Diễn biến</h2>' + table(['Thời gian', 'Sự kiện', 'Chi tiết'],
      story.timeline.map(function(e) {
        var title = '<span data-kind="' + esc(e.kind) + '">' + esc(e.title) + '</span>';
        return [esc(dateTime(e.at)), e.link ? documentLink(e.link, title) : title, esc(e.detail)];
      }));
    html += '<h2 class="section-title">Phiếu kiểm soát (giao nhận hồ sơ)</h2>' + table(['STT', 'Bên giao',
      'Người giao', 'Bên nhận', 'Thời gian giao', 'Hạn xử lý', 'Hoàn thành', 'Người thực hiện', 'Kết quả'],
      story.handoffs.map(function(h) {
        return [h.seq, esc(h.fromUnitName), esc(h.fromUser), esc(h.toUnitName), esc(dateTime(h.handedAt)),
          esc(dateTime(h.dueAt)), esc(dateTime(h.finishedAt)), esc(h.finishedBy),
          esc(h.timelinessLabel || (h.finishedAt ? '' : 'đang xử lý'))];
      }));
    html += '<h2 class="section-title">Cảnh báo, quá hạn, xin lỗi</h2>' + table(['Thời gian', 'Loại', 'Bước',
      'Ghi chú'], story.slaEvents.map(function(e) {
      return [esc(dateTime(e.at)), esc(e.kindLabel), esc(e.stepName), esc(e.detail)];
    }));
    html += '<h2 class="section-title">Tạm dừng chờ bổ sung</h2>' + table(['Từ', 'Đến', 'Thời gian làm việc'],
      story.pauses.map(function(p) {
        return [esc(dateTime(p.startedAt)), esc(dateTime(p.endedAt) || 'đang chờ'),
          number(p.workingDays, 2) + ' ngày'];
      }));
    html += '<h2 class="section-title">Tài liệu đã nhận và giấy tờ đã lập</h2>' + table(['Thời gian', 'Chiều',
      'Loại', 'Tệp, số', 'Người lập'], story.documents.map(function(d) {
        return [esc(dateTime(d.createdAt)), d.issued ? 'Sở lập' : 'Nhận của tổ chức, cá nhân', esc(d.kindLabel),
          documentLink(d.link, esc(d.fileName)), esc(d.issuedBy)];
      })) + '<p>' + documentLink('/api/v1/dossiers/' + encodeURIComponent(f.code) + '/documents/control-slip',
      esc(CONTROL_SLIP_NAME)) + ' (theo tình trạng hiện tại)</p>';
    html += '<h2 class="section-title">Sơ đồ quy trình và đường đi của hồ sơ</h2>';
    if (!story.diagrams.length) {
      html += '<p class="text-muted">Bạn không có quyền xem lịch sử quy trình của hồ sơ này.</p>';
    }
    story.diagrams.forEach(function(d, i) {
      html += '<h3>' + esc(d.name || d.processDefinitionKey) + (d.running ? ' – đang xử lý' : ' – đã kết thúc') +
        '</h3><div class="onestop-diagram" data-diagram="' + i + '" style="height:360px;border:1px solid #ddd">' +
        '</div><p class="onestop-path text-muted">Đường đi: ' + d.path.filter(function(s) {
          return s.name;
        }).map(function(s) {
          return esc(s.name) + (s.endedAt ? '' : ' (hiện tại)');
        }).join(' → ') + '</p>';
    });
    target.innerHTML = html;
    story.diagrams.forEach(function(d, i) {
      showDiagram(target.querySelector('[data-diagram="' + i + '"]'), d, api);
    });
  }, function(error) {
    target.innerHTML = '<p class="text-danger">Không tải được hồ sơ: ' + esc(error.message) + '</p>';
  });
}

var DIAGRAM_STYLE = '.onestop-passed:not(.djs-connection) .djs-visual > :nth-child(1) ' +
  '{ stroke: #52b415 !important; fill: #e8f6df !important; }' +
  '.onestop-current:not(.djs-connection) .djs-visual > :nth-child(1) ' +
  '{ stroke: #f0ad4e !important; stroke-width: 4px !important; fill: #fff4e0 !important; }';

/**
 * Cockpit's own BPMN viewer (the AngularJS directive cam-widget-bpmn-viewer that its process views use), with the
 * activities the instance went through marked green and the open ones orange.
 */
function showDiagram(element, diagram, api) {
  if (!document.getElementById('onestop-diagram-style')) {
    var style = document.createElement('style');
    style.id = 'onestop-diagram-style';
    style.textContent = DIAGRAM_STYLE;
    document.head.appendChild(style);
  }
  getJson(api.engineApi + '/process-definition/' + encodeURIComponent(diagram.processDefinitionId) + '/xml', api)
    .then(function(xml) {
      var injector = angularInjector();
      if (!injector) {
        throw new Error('không có trình xem sơ đồ của Cockpit');
      }
      var scope = injector.get('$rootScope').$new(true);
      scope.xml = xml.bpmn20Xml;
      scope.control = {};
      scope.loaded = function() {
        var canvas = scope.control.getViewer().get('canvas');
        var registry = scope.control.getViewer().get('elementRegistry');
        diagram.path.forEach(function(step) {
          if (registry.get(step.activityId)) {
            canvas.addMarker(step.activityId, step.endedAt ? 'onestop-passed' : 'onestop-current');
          }
        });
        element.setAttribute('data-loaded', 'true');
      };
      var viewer = document.createElement('div');
      viewer.setAttribute('cam-widget-bpmn-viewer', '');
      viewer.setAttribute('diagram-data', 'xml');
      viewer.setAttribute('control', 'control');
      viewer.setAttribute('on-load', 'loaded()');
      viewer.style.height = '100%';
      element.appendChild(viewer);
      injector.get('$compile')(viewer)(scope);
      scope.$applyAsync();
    })
    .catch(function(error) {
      element.innerHTML = '<p class="text-danger">Không hiển thị được sơ đồ: ' + esc(error.message) + '</p>';
    });
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

/** The control slip is rendered as it is now, so it is not among a dossier's issued papers (which carry their label). */
var CONTROL_SLIP_NAME = 'Phiếu kiểm soát quá trình giải quyết hồ sơ';

/** A document of a dossier (staff API link, already HTML) opening in a new tab, so the story page stays. */
function documentLink(link, html) {
  return '<a class="onestop-document" target="_blank" rel="noopener" href="' + esc(contextPath() + link) + '">' +
    html + '</a>';
}

function paperLinks(code, papers) {
  var html = '<ul class="onestop-paper-list">';
  papers.forEach(function(p) {
    html += '<li><a target="_blank" rel="noopener" href="' + esc(contextPath() + p.href) + '">' +
      esc(p.label || p.kind) + ' – số ' + esc(p.number) + '</a> (' + esc(dateTime(p.issuedAt)) +
      (p.issuedBy ? ', ' + esc(p.issuedBy) : '') + ')</li>';
  });
  html += '<li><a target="_blank" rel="noopener" href="' +
    esc(apiUrl('/dossiers/' + encodeURIComponent(code) + '/documents/control-slip')) + '">' +
    esc(CONTROL_SLIP_NAME) + '</a></li>';
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
    id: 'onestop.search.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: '#/onestop/search',
      checkActive: function(path) {
        return path.indexOf('#/onestop/') >= 0;
      }
    },
    render: function(node) {
      node.innerHTML = 'Tra cứu hồ sơ';
    }
  },
  {
    id: 'onestop.search',
    pluginPoint: 'cockpit.route',
    properties: {
      path: '/onestop/search'
    },
    render: function(node, context) {
      renderSearch(node, context.api);
    }
  },
  {
    id: 'onestop.story',
    pluginPoint: 'cockpit.route',
    properties: {
      path: '/onestop/dossier'
    },
    render: function(node, context) {
      renderStory(node, context.api);
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
