/* The procedures' list with a search box (diacritics optional: "khuyen mai" finds "khuyến mại"). */
'use strict';

const LEVELS = {
  3: 'Một phần (mức độ 3): nộp hồ sơ trực tuyến, nhận kết quả tại Bộ phận Một cửa',
  4: 'Toàn trình (mức độ 4): nộp hồ sơ và nhận kết quả trực tuyến'
};

function plain(text) {
  return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase();
}

function days(n) {
  return String(n).replace('.', ',') + ' ngày làm việc';
}

function card(p) {
  const {el} = Dvc;
  const headingId = 'tt-' + p.code;
  return el('li', {class: 'card', 'data-search': plain(p.nameVi + ' ' + (p.nationalCode || '') + ' ' + p.code)},
    el('h2', {id: headingId}, p.nameVi),
    el('dl', {class: 'facts'},
      el('dt', {}, 'Thời hạn giải quyết'), el('dd', {}, days(p.deadlineWorkingDays)),
      el('dt', {}, 'Phí, lệ phí'), el('dd', {}, Dvc.money(p.feeVnd)),
      el('dt', {}, 'Mức độ trực tuyến'), el('dd', {}, LEVELS[p.onlineLevel] || String(p.onlineLevel)),
      p.deadlineLegalBasis ? [el('dt', {}, 'Căn cứ'), el('dd', {}, p.deadlineLegalBasis)] : null),
    el('h3', {}, 'Thành phần hồ sơ'),
    el('ul', {}, (p.requiredDocuments || []).map(d => el('li', {}, d))),
    el('p', {}, el('a', {class: 'button', href: '/dich-vu-cong/nop-ho-so?thu-tuc=' + encodeURIComponent(p.code),
      'aria-describedby': headingId}, 'Nộp hồ sơ trực tuyến')));
}

document.addEventListener('DOMContentLoaded', async () => {
  const list = document.getElementById('danh-sach');
  const count = document.getElementById('so-ket-qua');
  const box = document.getElementById('tu-khoa');
  document.getElementById('tim-kiem').addEventListener('submit', e => e.preventDefault());
  const result = await Dvc.call('/procedures');
  if (!result.ok) {
    count.textContent = result.status === 429
      ? 'Bạn đã gửi quá nhiều yêu cầu; vui lòng chờ ' + (result.headers.get('Retry-After') || '60')
        + ' giây rồi tải lại trang.'
      : 'Không tải được danh sách thủ tục; vui lòng tải lại trang sau ít phút.';
    return;
  }
  list.replaceChildren(...result.body.map(card));
  const filter = () => {
    const words = plain(box.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    list.querySelectorAll(':scope > li').forEach(li => {
      const hit = words.every(w => li.dataset.search.includes(w));
      li.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown === 0 ? 'Không tìm thấy thủ tục nào phù hợp.' : 'Có ' + shown + ' thủ tục.';
  };
  box.addEventListener('input', filter);
  filter();
});
