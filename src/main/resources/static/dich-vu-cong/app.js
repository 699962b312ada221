/* Shared helpers of the applicant's pages: calls to the public API, problem details shown next to their fields,
   Vietnamese dates and amounts. No framework; nothing leaves this origin (see the page's Content-Security-Policy). */
'use strict';

const Dvc = (() => {
  const API = '/api/v1/public';
  const ZONE = 'Asia/Ho_Chi_Minh';

  /** Element builder: el('p', {class: 'x'}, 'text', child). Text is always set as text, never as markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === false || v === null || v === undefined) return;
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => {
      if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    });
    return node;
  }

  /** fetch on the public API; answers {ok, status, body, headers}; a network failure becomes status 0. */
  async function call(path, options) {
    const opts = Object.assign({headers: {}}, options || {});
    opts.headers = Object.assign({'Accept': 'application/json, application/problem+json', 'Accept-Language': 'vi'},
      opts.headers);
    let response;
    try {
      response = await fetch(API + path, opts);
    } catch (e) {
      return {ok: false, status: 0, body: null, headers: new Headers()};
    }
    const type = response.headers.get('Content-Type') || '';
    let body = null;
    if (type.includes('json')) {
      body = await response.json().catch(() => null);
    } else if (response.ok) {
      body = await response.blob();
    }
    return {ok: response.ok, status: response.status, body, headers: response.headers};
  }

  /** Saves a downloaded blob under its name from Content-Disposition. */
  function save(result, fallbackName) {
    const disposition = result.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const url = URL.createObjectURL(result.body);
    const link = el('a', {href: url, download: match ? match[1] : fallbackName});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  const dateFormat = new Intl.DateTimeFormat('vi-VN', {timeZone: ZONE, weekday: 'long', day: '2-digit',
    month: '2-digit', year: 'numeric'});
  const timeFormat = new Intl.DateTimeFormat('vi-VN', {timeZone: ZONE, hour: '2-digit', minute: '2-digit',
    day: '2-digit', month: '2-digit', year: 'numeric'});

  function day(instant) {
    return instant ? dateFormat.format(new Date(instant)) : '—';
  }

  function moment(instant) {
    return instant ? timeFormat.format(new Date(instant)) : '—';
  }

  function money(vnd) {
    return vnd > 0 ? new Intl.NumberFormat('vi-VN').format(vnd) + ' đồng' : 'Không thu phí';
  }

  function bytes(n) {
    return n >= 1048576 ? (n / 1048576).toLocaleString('vi-VN', {maximumFractionDigits: 1}) + ' MB'
      : Math.ceil(n / 1024) + ' KB';
  }

  const TYPE_NAMES = {'application/pdf': 'PDF', 'image/jpeg': 'JPEG (ảnh .jpg)', 'image/png': 'PNG (ảnh .png)'};

  /** "PDF, JPEG (ảnh .jpg) hoặc PNG (ảnh .png); mỗi tệp tối đa 10 MB, ..." from GET upload-limits. */
  function limitsText(limits) {
    const names = limits.mediaTypes.map(t => TYPE_NAMES[t] || t);
    const types = names.length > 1 ? names.slice(0, -1).join(', ') + ' hoặc ' + names[names.length - 1] : names[0];
    return 'Loại tệp được nhận: ' + types + '. Mỗi tệp tối đa ' + bytes(limits.maxFileBytes)
      + '; tất cả tệp của một hồ sơ (kể cả bổ sung) tối đa ' + bytes(limits.maxTotalBytes)
      + '; tối đa ' + limits.maxFiles + ' tệp mỗi lần gửi.';
  }

  /** Checks chosen files against the limits before sending; answers the Vietnamese messages of what is wrong. */
  function checkFiles(files, limits, required) {
    const problems = [];
    if (required && files.length === 0) problems.push('Vui lòng chọn ít nhất một tệp.');
    if (files.length > limits.maxFiles) problems.push('Chỉ được gửi tối đa ' + limits.maxFiles + ' tệp mỗi lần.');
    let total = 0;
    Array.from(files).forEach(f => {
      total += f.size;
      if (!limits.mediaTypes.includes(f.type)) problems.push('Tệp "' + f.name + '" không thuộc loại được nhận.');
      if (f.size > limits.maxFileBytes) problems.push('Tệp "' + f.name + '" lớn hơn ' + bytes(limits.maxFileBytes) + '.');
    });
    if (total > limits.maxTotalBytes) problems.push('Tổng dung lượng các tệp lớn hơn ' + bytes(limits.maxTotalBytes) + '.');
    return problems;
  }

  // ---- errors next to their fields ------------------------------------------------------------------------

  /** Removes the messages of an earlier attempt inside the form. */
  function clearErrors(form) {
    form.querySelectorAll('.error[data-for]').forEach(n => n.remove());
    form.querySelectorAll('[aria-invalid]').forEach(n => {
      n.removeAttribute('aria-invalid');
      const ids = (n.getAttribute('aria-describedby') || '').split(' ').filter(id => !id.startsWith('err-'));
      if (ids.length) n.setAttribute('aria-describedby', ids.join(' '));
      else n.removeAttribute('aria-describedby');
    });
    const summary = form.querySelector('.form-summary');
    if (summary) {
      summary.hidden = true;
      summary.replaceChildren();
    }
  }

  /** The input an API field path names: "applicant.name", "fields.promotionStart", "files[1]", "Dossier-Secret". */
  function inputFor(form, field) {
    if (!field) return null;
    const exact = form.querySelector('[data-field="' + CSS.escape(field) + '"]');
    if (exact) return exact;
    const base = field.replace(/\[\d+\]$/, '');
    return form.querySelector('[data-field="' + CSS.escape(base) + '"]');
  }

  /** Puts a message under an input, links it with aria-describedby and marks the input invalid. */
  function fieldError(form, input, message) {
    const id = 'err-' + input.id;
    let node = form.querySelector('#' + CSS.escape(id));
    if (!node) {
      node = el('span', {class: 'error', id, 'data-for': input.id});
      const anchor = input.closest('.field') || input.parentNode;
      anchor.append(node);
      const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      ids.push(id);
      input.setAttribute('aria-describedby', ids.join(' '));
    }
    node.textContent = node.textContent ? node.textContent + ' ' + message : message;
    input.setAttribute('aria-invalid', 'true');
  }

  /**
   * Shows an API answer that went wrong: each error of the problem detail under the field it names, the
   * problem's own words in the summary at the top of the form (focused, so a screen reader reads it), with
   * links to the fields. 429 says how long to wait (Retry-After).
   */
  function showProblem(form, result) {
    clearErrors(form);
    const summary = form.querySelector('.form-summary');
    const items = [];
    const problem = result.body || {};
    (problem.errors || []).forEach(e => {
      const input = inputFor(form, e.field);
      if (input) {
        fieldError(form, input, e.message);
        items.push(el('li', {}, el('a', {href: '#' + input.id}, labelOf(form, input) + e.message)));
      } else {
        items.push(el('li', {}, e.message));
      }
    });
    let title = problem.title || 'Không gửi được yêu cầu';
    // with fields at fault, the list says it all; the detail of a validation problem speaks to programmers
    let detail = items.length ? 'Vui lòng sửa ' + items.length + ' mục dưới đây rồi gửi lại.' : (problem.detail || '');
    if (result.status === 429) {
      const wait = parseInt(result.headers.get('Retry-After') || '60', 10);
      title = 'Bạn đã gửi quá nhiều yêu cầu';
      detail = 'Để bảo vệ hệ thống, mỗi địa chỉ chỉ được gửi một số yêu cầu mỗi phút. Vui lòng chờ khoảng '
        + wait + ' giây rồi thử lại; thông tin bạn đã nhập vẫn còn trên trang.';
    } else if (result.status === 0) {
      title = 'Không kết nối được với máy chủ';
      detail = 'Vui lòng kiểm tra kết nối mạng rồi thử lại.';
    } else if (result.status >= 500) {
      detail = 'Hệ thống đang gặp sự cố; vui lòng thử lại sau ít phút.';
    }
    // replaceChildren would write a null argument as the text "null"
    summary.replaceChildren(...[el('h2', {}, title), detail ? el('p', {}, detail) : null,
      items.length ? el('ul', {}, items) : null].filter(Boolean));
    summary.hidden = false;
    summary.focus();
  }

  /** "Thư điện tử: " for the summary's list, from the input's own label (without the required mark). */
  function labelOf(form, input) {
    const label = form.querySelector('label[for="' + CSS.escape(input.id) + '"]');
    if (!label) return '';
    const copy = label.cloneNode(true);
    copy.querySelectorAll('[aria-hidden]').forEach(n => n.remove());
    return copy.textContent.trim() + ': ';
  }

  /** The summary of local checks (before anything is sent), the same shape as the API's. */
  function showLocalErrors(form, issues) {
    clearErrors(form);
    const summary = form.querySelector('.form-summary');
    const items = issues.map(i => {
      fieldError(form, i.input, i.message);
      return el('li', {}, el('a', {href: '#' + i.input.id}, labelOf(form, i.input) + i.message));
    });
    summary.replaceChildren(el('h2', {}, 'Vui lòng kiểm tra lại ' + issues.length + ' mục'), el('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }

  function busy(button, on) {
    button.disabled = on;
    button.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  return {el, call, save, day, moment, money, bytes, limitsText, checkFiles, clearErrors, showProblem,
    showLocalErrors, busy};
})();
