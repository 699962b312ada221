/* Online submission: the form is generated from the procedure's field declaration (GET procedures, the same
   declaration the API checks against); limits and the expected return date come from the public API. */
'use strict';

(() => {
  const {el} = Dvc;
  let procedure;
  let limits;
  // one key per filled form: a retry after a lost answer gets the same dossier, not a second one
  const idempotencyKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0'))
    .join('');

  /** One input for a declared field (form/FormField): its label, hint, and the API's name in data-field. */
  function fieldInput(f) {
    const id = 'f-' + f.key;
    const hintId = f.description ? id + '-hint' : null;
    const common = {id, 'data-field': 'fields.' + f.key, 'aria-describedby': hintId, required: f.required,
      'aria-required': f.required ? 'true' : null};
    let input;
    switch (f.type) {
      case 'NUMBER':
        input = el('input', Object.assign({type: 'text', inputmode: 'decimal'}, common));
        break;
      case 'DATE':
        input = el('input', Object.assign({type: 'date',
          min: f.noPastDates ? new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'}) : null}, common));
        break;
      case 'CHOICE':
        input = el('select', common, el('option', {value: ''}, '— Chọn —'),
          (f.choices || []).map(c => el('option', {value: c.value}, c.label)));
        break;
      case 'BOOLEAN':
        input = el('input', Object.assign({type: 'checkbox'}, common));
        return el('div', {class: 'field check'}, input, el('label', {for: id}, f.label),
          hintId ? el('span', {class: 'hint', id: hintId}, f.description) : null);
      default:
        input = (f.maxLength || 0) > 255
          ? el('textarea', Object.assign({maxlength: f.maxLength}, common))
          : el('input', Object.assign({type: 'text', maxlength: f.maxLength}, common));
    }
    return el('div', {class: 'field'},
      el('label', {for: id}, f.label, f.required ? [' ', el('span', {class: 'required', 'aria-hidden': 'true'}, '*')] : null),
      hintId ? el('span', {class: 'hint', id: hintId}, f.description) : null,
      input);
  }

  /** The JSON value of a field as the API expects it: numbers as numbers, yes / no as booleans. */
  function valueOf(f) {
    const input = document.getElementById('f-' + f.key);
    if (f.type === 'BOOLEAN') return input.checked;
    const text = input.value.trim();
    if (text === '') return null;
    if (f.type === 'NUMBER') {
      const n = Number(text.replace(/\s/g, '').replace(',', '.'));
      return Number.isNaN(n) ? text : n; // a text that is no number: the API names the field
    }
    return text;
  }

  function applicant() {
    const v = id => document.getElementById(id).value.trim() || null;
    return {name: v('applicant-name'), idNumber: v('applicant-id'), phone: v('applicant-phone'),
      email: v('applicant-email'), address: v('applicant-address')};
  }

  async function showDueDate(code) {
    const now = new Date().toISOString();
    const due = await Dvc.call('/calendar/due?procedure=' + encodeURIComponent(code) + '&receivedAt='
      + encodeURIComponent(now));
    if (!due.ok) return; // the page works without it
    const d = due.body;
    document.getElementById('han-tra-ngay').textContent = 'Nếu hồ sơ đầy đủ, hợp lệ và được tiếp nhận ngay bây giờ, '
      + 'ngày hẹn trả kết quả là ' + Dvc.day(d.dueAt) + ' (' + String(d.workingDays).replace('.', ',')
      + ' ngày làm việc, tính từ ' + Dvc.moment(d.clockStart) + ').';
    document.getElementById('han-tra-ghi-chu').textContent = d.provisional
      ? 'Ngày này là tạm tính: lịch nghỉ lễ năm ' + d.provisionalYears.join(', ') + ' chưa có thông báo chính thức, '
        + 'nên ngày hẹn có thể lùi lại (không bao giờ sớm hơn) khi có thông báo. Ngày hẹn chính thức ghi trên Giấy '
        + 'tiếp nhận hồ sơ.'
      : 'Ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ, tính từ lúc hồ sơ được tiếp nhận; hồ sơ nộp ngoài giờ '
        + 'làm việc được tính từ ngày làm việc tiếp theo.';
    document.getElementById('han-tra').hidden = false;
  }

  function localIssues() {
    const issues = [];
    const required = (input, message) => {
      if (!input.value.trim()) issues.push({input, message});
    };
    required(document.getElementById('applicant-name'), 'Vui lòng nhập tên tổ chức, cá nhân.');
    procedure.fields.filter(f => f.required && f.type !== 'BOOLEAN').forEach(f =>
      required(document.getElementById('f-' + f.key), 'Vui lòng nhập "' + f.label + '".'));
    const files = document.getElementById('files');
    Dvc.checkFiles(files.files, limits, true).forEach(message => issues.push({input: files, message}));
    return issues;
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.target;
    const issues = localIssues();
    if (issues.length) {
      Dvc.showLocalErrors(form, issues);
      return;
    }
    const fields = {};
    procedure.fields.forEach(f => {
      const value = valueOf(f);
      if (value !== null) fields[f.key] = value;
    });
    const body = new FormData();
    body.append('dossier', new Blob([JSON.stringify({procedureCode: procedure.code, applicant: applicant(), fields})],
      {type: 'application/json'}));
    Array.from(document.getElementById('files').files).forEach(f => body.append('files', f, f.name));
    const button = document.getElementById('nop');
    Dvc.busy(button, true);
    const result = await Dvc.call('/dossiers', {method: 'POST', body, headers: {'Idempotency-Key': idempotencyKey}});
    Dvc.busy(button, false);
    if (!result.ok) {
      Dvc.showProblem(form, result);
      return;
    }
    confirm(result.body);
  }

  /** The code and the secret, shown this once; the page keeps neither (no storage, no address). */
  function confirm(answer) {
    document.getElementById('ho-so').remove();
    document.getElementById('han-tra').hidden = true;
    document.getElementById('ma-ho-so').textContent = answer.dossierCode;
    document.getElementById('ma-tra-cuu').textContent = answer.lookupSecret;
    document.getElementById('trang-thai-moi').textContent = 'Trạng thái: ' + answer.status.label + ', lúc '
      + Dvc.moment(answer.registeredAt) + '. Đã nhận ' + answer.attachments.length + ' tệp: '
      + answer.attachments.map(a => a.fileName).join(', ') + '.';
    document.getElementById('den-tra-cuu').href = '/dich-vu-cong/tra-cuu?ma=' + encodeURIComponent(answer.dossierCode);
    document.getElementById('sao-chep').addEventListener('click', async () => {
      const status = document.getElementById('sao-chep-ket-qua');
      try {
        await navigator.clipboard.writeText('Mã hồ sơ: ' + answer.dossierCode + '\nMã tra cứu: ' + answer.lookupSecret);
        status.textContent = 'Đã sao chép. Hãy dán vào nơi lưu trữ an toàn.';
      } catch (e) {
        status.textContent = 'Trình duyệt không cho sao chép; vui lòng chép tay hai mã trên.';
      }
    });
    const section = document.getElementById('xac-nhan');
    section.hidden = false;
    section.focus();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const loading = document.getElementById('thong-bao-tai');
    const code = new URLSearchParams(location.search).get('thu-tuc');
    const [procedures, limitAnswer] = await Promise.all([Dvc.call('/procedures'), Dvc.call('/upload-limits')]);
    procedure = procedures.ok ? procedures.body.find(p => p.code === code) : null;
    if (!procedure || !limitAnswer.ok) {
      loading.replaceChildren(!procedures.ok || !limitAnswer.ok
        ? 'Không tải được biểu mẫu; vui lòng tải lại trang sau ít phút.'
        : 'Không có thủ tục này. ', el('a', {href: '/dich-vu-cong/'}, 'Xem danh sách thủ tục'));
      return;
    }
    limits = limitAnswer.body;
    document.title = procedure.nameVi + ' – Nộp hồ sơ trực tuyến';
    document.getElementById('tieu-de').textContent = 'Nộp hồ sơ: ' + procedure.nameVi;
    const own = document.getElementById('thong-tin-rieng');
    procedure.fields.forEach(f => own.append(fieldInput(f)));
    own.hidden = procedure.fields.length === 0;
    document.getElementById('thanh-phan').replaceChildren(
      el('p', {}, 'Đính kèm bản điện tử (bản chụp hoặc bản scan) của các giấy tờ sau:'),
      el('ul', {}, procedure.requiredDocuments.map(d => el('li', {}, d))));
    document.getElementById('files-hint').textContent = Dvc.limitsText(limits);
    const files = document.getElementById('files');
    files.addEventListener('change', () => document.getElementById('files-chosen').replaceChildren(
      ...Array.from(files.files).map(f => el('li', {}, f.name + ' (' + Dvc.bytes(f.size) + ')'))));
    const form = document.getElementById('ho-so');
    form.addEventListener('submit', submit);
    loading.textContent = '';
    form.hidden = false;
    showDueDate(procedure.code);
  });
})();
