/* Following a dossier with its code and lookup secret. The code may come from the receipt's QR code
   (tra-cuu?ma=CODE); the secret is typed, kept in this page's memory only and sent in the Dossier-Secret header,
   never in an address. */
'use strict';

(() => {
  const {el} = Dvc;
  const SECRET = 'Dossier-Secret';
  let code = null;
  let secret = null;
  let limits = null;
  /** The required documents of the dossier's procedure (GET procedures): what a supplement file may complete. */
  let requiredDocuments = [];

  /** What each portal status (1-10) means for the applicant, in plain words. */
  const EXPLAINED = {
    1: 'Hồ sơ đã được gửi và đang chờ Bộ phận Một cửa kiểm tra tính đầy đủ, hợp lệ.',
    2: 'Hồ sơ đầy đủ, hợp lệ và đã được tiếp nhận; thời hạn giải quyết được tính từ lúc tiếp nhận.',
    3: 'Hồ sơ không được tiếp nhận. Lý do ghi trong Phiếu từ chối tiếp nhận giải quyết hồ sơ.',
    4: 'Hồ sơ đang được phòng chuyên môn xem xét, giải quyết.',
    5: 'Cơ quan giải quyết cần bạn bổ sung, hoàn thiện hồ sơ. Xem nội dung cần bổ sung và gửi tệp ở mục bên dưới.',
    6: 'Cần thực hiện nghĩa vụ tài chính (phí, lệ phí) trước khi hồ sơ được giải quyết tiếp.',
    7: 'Hồ sơ đã được rút theo yêu cầu của bạn và không tiếp tục được giải quyết.',
    8: 'Việc giải quyết hồ sơ đã dừng.',
    9: 'Hồ sơ đã được giải quyết xong và đang chờ trả kết quả.',
    10: 'Đã trả kết quả giải quyết hồ sơ.'
  };
  const PAPERS = {
    'receipt': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    'refusal': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    'apology': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    'result-copy': 'Kết quả giải quyết (bản sao điện tử)'
  };
  const OPEN = [1, 2, 4, 5];

  function papersOf(d) {
    const kinds = [];
    if (d.receivedAt) kinds.push('receipt');
    if (d.status.code === 5) kinds.push('supplement-request');
    if (d.status.code === 3 || (d.result && d.result.outcome === 'REFUSED')) kinds.push('refusal');
    if ((d.result && d.result.timeliness === 'LATE') || (d.dueAt && !d.result && new Date(d.dueAt) < new Date())) {
      kinds.push('apology');
    }
    if (d.result && d.result.documentAvailable) kinds.push('result-copy');
    return kinds;
  }

  function render(d) {
    document.getElementById('kq-ma').textContent = d.dossierCode;
    document.getElementById('kq-trang-thai').textContent = 'Trạng thái: ' + d.status.label;
    document.getElementById('kq-giai-thich').textContent = EXPLAINED[d.status.code] || '';
    const facts = [['Thủ tục', d.procedureName], ['Ngày nộp', Dvc.moment(d.registeredAt)],
      ['Ngày tiếp nhận', d.receivedAt ? Dvc.moment(d.receivedAt) : 'Chưa tiếp nhận'],
      ['Ngày hẹn trả kết quả', d.dueAt ? Dvc.day(d.dueAt)
        : (OPEN.includes(d.status.code) ? 'Có khi hồ sơ được tiếp nhận' : 'Không có')]];
    if (d.result) {
      facts.push(['Kết quả', d.result.outcomeLabel + (d.result.timelinessLabel ? ', ' + d.result.timelinessLabel : '')]);
      facts.push([d.result.outcome === 'WITHDRAWN' ? 'Ngày rút hồ sơ' : 'Ngày có kết quả',
        Dvc.moment(d.result.completedAt)]);
      if (d.result.returnedAt) facts.push(['Ngày trả kết quả', Dvc.moment(d.result.returnedAt)]);
    }
    document.getElementById('kq-ngay').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));

    document.getElementById('bo-sung').hidden = d.status.code !== 5;
    document.getElementById('yeu-cau').hidden = true;
    if (d.status.code === 5) {
      showAsked();
      loadRequiredDocuments(d.procedureCode);
    }
    document.getElementById('rut').hidden = !OPEN.includes(d.status.code);
    const kinds = papersOf(d);
    document.getElementById('giay-to-nut').replaceChildren(...kinds.map(kind =>
      el('button', {type: 'button', class: 'secondary', 'data-paper': kind}, 'Tải ' + PAPERS[kind])));
    document.getElementById('giay-to-thong-bao').textContent = kinds.length ? '' : 'Chưa có văn bản nào để tải.';
    const section = document.getElementById('ket-qua');
    section.hidden = false;
  }

  /** What the latest supplement request asks, in the words of its paper (the PDF stays one click away). */
  async function showAsked() {
    const result = await Dvc.call('/dossiers/' + encodeURIComponent(code) + '/supplement-request',
      {headers: {[SECRET]: secret}});
    if (!result.ok) return;
    const a = result.body;
    document.getElementById('yc-so').textContent = 'phiếu số ' + a.number;
    document.getElementById('yc-giai-doan').textContent = a.stage || '—';
    document.getElementById('yc-noi-dung').textContent = a.note || 'Xem Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.';
    document.getElementById('yc-han').textContent = a.deadline || '—';
    document.getElementById('yeu-cau').hidden = false;
  }

  async function lookup(form) {
    const result = await Dvc.call('/dossiers/' + encodeURIComponent(code), {headers: {[SECRET]: secret}});
    if (!result.ok) {
      document.getElementById('ket-qua').hidden = true;
      Dvc.showProblem(form, result);
      return false;
    }
    Dvc.clearErrors(form);
    render(result.body);
    return true;
  }

  async function download(kind) {
    const status = document.getElementById('giay-to-thong-bao');
    status.textContent = 'Đang tải ' + PAPERS[kind] + '…';
    const path = kind === 'result-copy' ? '/result' : '/documents/' + kind;
    const result = await Dvc.call('/dossiers/' + encodeURIComponent(code) + path,
      {headers: {[SECRET]: secret, 'Accept': 'application/pdf, application/problem+json'}});
    if (result.ok) {
      Dvc.save(result, kind + '-' + code + '.pdf');
      status.textContent = 'Đã tải ' + PAPERS[kind] + '.';
    } else if (result.status === 429) {
      status.textContent = 'Bạn đã gửi quá nhiều yêu cầu; vui lòng chờ ' + (result.headers.get('Retry-After') || '60')
        + ' giây rồi thử lại.';
    } else {
      status.textContent = (result.body && result.body.detail) || 'Chưa tải được văn bản này.';
    }
  }

  async function loadRequiredDocuments(procedureCode) {
    const answer = await Dvc.call('/procedures');
    const procedure = answer.ok ? answer.body.find(p => p.code === procedureCode) : null;
    requiredDocuments = procedure ? procedure.requiredDocuments : [];
    chooseDocuments();
  }

  /** One choice per chosen file: the required document it completes, or none ("Bổ sung khác"). */
  function chooseDocuments() {
    const files = Array.from(document.getElementById('bs-files').files);
    const box = document.getElementById('bs-thanh-phan');
    box.hidden = files.length === 0 || requiredDocuments.length === 0;
    document.getElementById('bs-thanh-phan-tep').replaceChildren(...files.map((f, i) => el('div', {class: 'field'},
      el('label', {for: 'bs-tp-' + i}, 'Tệp ' + f.name + ' bổ sung cho'),
      el('select', {id: 'bs-tp-' + i, 'data-field': 'completes[' + i + ']'},
        el('option', {value: ''}, 'Bổ sung khác (không thuộc giấy tờ nào trong danh mục)'),
        ...requiredDocuments.map(name => el('option', {value: name}, name))))));
  }

  async function supplement(event) {
    event.preventDefault();
    const form = event.target;
    const files = document.getElementById('bs-files');
    const issues = Dvc.checkFiles(files.files, limits, true).map(message => ({input: files, message}));
    if (issues.length) {
      Dvc.showLocalErrors(form, issues);
      return;
    }
    const body = new FormData();
    const note = document.getElementById('bs-note').value.trim();
    const completes = Array.from(files.files).map((f, i) => {
      const choice = document.getElementById('bs-tp-' + i);
      return choice && choice.value ? choice.value : null;
    });
    if (note || completes.some(c => c)) {
      body.append('supplement', new Blob([JSON.stringify({note: note || null, completes})], {type: 'application/json'}));
    }
    Array.from(files.files).forEach(f => body.append('files', f, f.name));
    const button = document.getElementById('gui-bo-sung');
    Dvc.busy(button, true);
    const result = await Dvc.call('/dossiers/' + encodeURIComponent(code) + '/supplements',
      {method: 'POST', body, headers: {[SECRET]: secret}});
    Dvc.busy(button, false);
    if (!result.ok) {
      Dvc.showProblem(form, result);
      return;
    }
    form.reset();
    chooseDocuments();
    Dvc.clearErrors(form);
    await lookup(document.getElementById('tra-cuu'));
    const status = document.getElementById('giay-to-thong-bao');
    status.textContent = 'Đã gửi ' + result.body.attachments.length + ' tệp bổ sung: '
      + result.body.attachments.map(a => a.fileName).join(', ') + '.';
    document.getElementById('kq-trang-thai').focus();
  }

  async function withdraw(event) {
    event.preventDefault();
    const form = event.target;
    const confirmBox = document.getElementById('rut-xac-nhan');
    if (!confirmBox.checked) {
      Dvc.showLocalErrors(form, [{input: confirmBox, message: 'Vui lòng đánh dấu xác nhận trước khi rút hồ sơ.'}]);
      return;
    }
    const reason = document.getElementById('rut-ly-do').value.trim();
    const result = await Dvc.call('/dossiers/' + encodeURIComponent(code) + '/withdrawal', {method: 'POST',
      headers: {[SECRET]: secret, 'Content-Type': 'application/json'}, body: JSON.stringify({reason: reason || null})});
    if (!result.ok) {
      Dvc.showProblem(form, result);
      return;
    }
    form.reset();
    render(result.body);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('tra-cuu');
    const codeInput = document.getElementById('ma');
    const secretInput = document.getElementById('secret');
    const fromQr = new URLSearchParams(location.search).get('ma');
    if (fromQr) {
      codeInput.value = fromQr;
    }
    // the QR code lands here with the code filled in: the cursor waits in the secret's box
    (fromQr ? secretInput : codeInput).focus();
    document.getElementById('hien-ma').addEventListener('change', e => {
      secretInput.type = e.target.checked ? 'text' : 'password';
    });
    Dvc.call('/upload-limits').then(r => {
      if (r.ok) {
        limits = r.body;
        document.getElementById('bs-files-hint').textContent = Dvc.limitsText(limits);
      }
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const issues = [];
      if (!codeInput.value.trim()) issues.push({input: codeInput, message: 'Vui lòng nhập mã hồ sơ.'});
      if (!secretInput.value.trim()) issues.push({input: secretInput, message: 'Vui lòng nhập mã tra cứu.'});
      if (issues.length) {
        Dvc.showLocalErrors(form, issues);
        return;
      }
      code = codeInput.value.trim();
      secret = secretInput.value.trim();
      const button = document.getElementById('xem');
      Dvc.busy(button, true);
      const found = await lookup(form);
      Dvc.busy(button, false);
      if (found) document.getElementById('ket-qua').focus();
    });
    document.getElementById('giay-to-nut').addEventListener('click', e => {
      const kind = e.target.closest('button[data-paper]');
      if (kind) download(kind.dataset.paper);
    });
    document.getElementById('bo-sung-form').addEventListener('submit', supplement);
    document.getElementById('bs-files').addEventListener('change', chooseDocuments);
    document.getElementById('rut-form').addEventListener('submit', withdraw);
  });
})();
