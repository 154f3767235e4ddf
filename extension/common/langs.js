// Languages and countries offered on the trainer's pages (native names, so a trainer can hand the
// keyboard to a participant). Codes: the rule packs' languages; ISO 3166 countries of help.toml.
export const LANG_NAMES = {
  en: 'English', th: 'ไทย', vi: 'Tiếng Việt', km: 'ខ្មែរ', my: 'မြန်မာ', lo: 'ລາວ',
  id: 'Bahasa Indonesia', ms: 'Bahasa Melayu', tl: 'Filipino', zh: '中文',
};
export const COUNTRY_NAMES = {
  PH: 'Philippines', TH: 'ประเทศไทย', ID: 'Indonesia', VN: 'Việt Nam', KH: 'កម្ពុជា', MM: 'မြန်မာ',
  MY: 'Malaysia', LA: 'ລາວ', default: '—',
};

export function fillSelect(select, names, value) {
  select.replaceChildren(...Object.entries(names).map(([code, name]) => {
    const o = document.createElement('option');
    o.value = code;
    o.textContent = name;
    o.selected = code === value;
    return o;
  }));
}
