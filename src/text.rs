//! Normalisation: the text rules see, with a map from every normalised byte back to the original.
//!
//! Steps, in order (rules/README.md "How text is matched"): per character, accents are removed from
//! Latin letters (`việc` → `viec`, `đ` → `d`) and NFKC is applied to the rest (fullwidth, circled
//! and mathematical letters), then lower-casing; zero-width characters, soft hyphens, variation
//! selectors and the keycap mark are dropped; local decimal digits become ASCII; whitespace runs
//! become one space. Then, across characters: Cyrillic/Greek look-alikes inside a Latin word become
//! Latin, leetspeak digits between Latin letters become letters, and runs of four or more single
//! letters separated by one space, dot, dash, underscore or star are joined (`T e l e g r a m`).
//!
//! Thai and Lao are kept as written: NFKC would split their SARA AM (U+0E33, U+0EB3) into two
//! characters and break every phrase containing it.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

use crate::zawgyi;

/// Normalised text plus, for each of its bytes, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// `map[i]` = `(start, end)` byte range in the original for normalised byte `i`.
    map: Vec<(u32, u32)>,
}

impl Normalized {
    /// Maps a normalised byte range to the original byte range it covers.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if self.map.is_empty() || start >= end {
            return (0, 0);
        }
        // Min and max over the range: Zawgyi conversion reorders characters.
        let last = self.map.len() - 1;
        let (mut s, mut e) = (u32::MAX, 0);
        for &(a, b) in &self.map[start.min(last)..end.min(last + 1)] {
            s = s.min(a);
            e = e.max(b);
        }
        (s as usize, (e as usize).max(s as usize))
    }
}

#[derive(Clone, Copy)]
struct Ch {
    c: char,
    start: u32,
    end: u32,
}

/// Scripts written without spaces between words: no word-edge checks next to these.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x19E0..=0x19FF    // Khmer symbols
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK ext A
        | 0x4E00..=0x9FFF    // CJK
        | 0xF900..=0xFAFF    // CJK compatibility
        | 0x20000..=0x2FFFF)
}

/// A letter or digit of a spaced script: what a Latin phrase must not touch.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_unspaced_script(c) && c.is_alphanumeric()
}

/// Letter or digit, with a range test for the scripts LureLens reads most (the general
/// `char::is_alphanumeric` is a table search and was half the normalisation time on Thai text).
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_unspaced_script(c) || c.is_alphanumeric()
}

/// Zero of each decimal-digit block converted to ASCII.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040,
    0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
    0xABF0, 0xFF10,
];

fn ascii_digit(c: char) -> Option<char> {
    let u = c as u32;
    DIGIT_ZEROS.iter().find(|&&z| u >= z && u < z + 10).map(|&z| char::from(b'0' + (u - z) as u8))
}

fn is_dropped(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x20E3 | 0xFE00..=0xFE0F | 0xFEFF
        | 0xE0100..=0xE01EF)
}

/// Latin letters NFKD does not decompose.
fn latin_extra(c: char) -> Option<char> {
    Some(match c {
        'đ' | 'Đ' | 'ð' => 'd',
        'ł' | 'Ł' => 'l',
        'ø' | 'Ø' => 'o',
        'ı' => 'i',
        'ħ' => 'h',
        'ŧ' => 't',
        _ => return None,
    })
}

/// Cyrillic and Greek letters that look like Latin ones (lower case, after lower-casing).
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' => 'e',
        'һ' => 'h',
        'і' | 'ї' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'ӏ' => 'l',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' => 't',
        'ц' => 'u',
        'ѵ' => 'v',
        'ԝ' => 'w',
        'х' => 'x',
        'у' => 'y',
        'г' => 'r',
        'α' => 'a',
        'β' => 'b',
        'ε' => 'e',
        'η' => 'n',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'γ' => 'y',
        'ω' => 'w',
        'ɡ' => 'g',
        'ɑ' => 'a',
        _ => return None,
    })
}

fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Currency prefixes written before short amounts (`P50k`, `RM5k`, `Rp8jt` is not leet either).
const AMOUNT_PREFIXES: &[&str] = &["p", "php", "rm", "rp", "us", "usd", "thb", "idr", "vnd", "sgd", "myr", "hkd", "nt", "ntd"];

/// Whether the digits `chars[i..j]`, between Latin letters, are a short money amount such as
/// `P50k` or `RM5m` (a currency prefix, then the digits, then k/m ending the word): then they stay
/// digits for the money extractor instead of becoming letters.
fn is_short_amount(chars: &[Ch], i: usize, j: usize) -> bool {
    let suffix_ends = matches!(chars[j].c, 'k' | 'm') && chars.get(j + 1).is_none_or(|c| !c.c.is_alphanumeric());
    if !suffix_ends {
        return false;
    }
    let mut start = i;
    while start > 0 && chars[start - 1].c.is_ascii_alphabetic() {
        start -= 1;
    }
    let prefix: String = chars[start..i].iter().map(|c| c.c).collect();
    AMOUNT_PREFIXES.contains(&prefix.as_str())
}

fn is_spacing_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '*' | '·' | '•' | '/' | '|' | '+')
}

/// Folds one character as phrases and text are folded: Latin accents off, NFKC on the rest, lower case.
fn fold_char(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Thai and Lao are kept as written (see the module note on SARA AM); Khmer, Myanmar, CJK,
    // kana and Hangul syllables have no case and nothing for NFKC to change: only their digits and
    // the zero-width characters are converted. A range test instead of five table lookups.
    if matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17B3 | 0x17B6..=0x17FF | 0x3041..=0x309E | 0x30A1..=0x30FE | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
    {
        // Lao subscript LO (ຫຼ) and the full letter LO (ຫລ) are written interchangeably.
        out.push(if c == '\u{0EBC}' { '\u{0EA5}' } else { ascii_digit(c).unwrap_or(c) });
        return;
    }
    if is_dropped(c) || is_combining_mark(c) && (c as u32) < 0x0370 {
        return;
    }
    if c.is_numeric() {
        if let Some(d) = ascii_digit(c) {
            out.push(d);
            return;
        }
    }
    if let Some(l) = latin_extra(c) {
        out.push(l);
        return;
    }
    // Most characters of Khmer, Myanmar, CJK and Hangul text are already NFKC: a table lookup
    // instead of decomposing and recomposing each one.
    if unicode_normalization::is_nfkc_quick(std::iter::once(c)) == unicode_normalization::IsNormalized::Yes
        && !matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
    {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        return;
    }
    // Latin letter with marks: keep the base letters only.
    let mut decomposed = Vec::with_capacity(4);
    decompose_compatible(c, |d| decomposed.push(d));
    if decomposed.first().is_some_and(|d| d.is_ascii_alphabetic()) {
        for d in decomposed {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }
        return;
    }
    for d in std::iter::once(c).nfkc() {
        if is_dropped(d) {
            continue;
        }
        if let Some(a) = ascii_digit(d) {
            out.push(a);
        } else if d.is_ascii() {
            out.push(d.to_ascii_lowercase());
        } else {
            out.extend(d.to_lowercase());
        }
    }
}

/// Folds a rule phrase or pattern literal the way text is folded (character steps only).
pub fn fold(s: &str) -> String {
    let mut out = Vec::new();
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out.into_iter().collect()
}

/// Normalises `input` for matching.
pub fn normalize(input: &str) -> Normalized {
    // Stage 1: per character.
    let mut chars: Vec<Ch> = Vec::with_capacity(input.len());
    let mut buf = Vec::with_capacity(4);
    let mut last_space = true;
    let mut source: Vec<zawgyi::Src> =
        input.char_indices().map(|(i, c)| zawgyi::Src { c, start: i as u32, end: (i + c.len_utf8()) as u32 }).collect();
    if source.iter().any(|s| ('\u{1000}'..='\u{109F}').contains(&s.c)) {
        let plain: Vec<char> = source.iter().map(|s| s.c).collect();
        if zawgyi::zawgyi_score(&plain) > 0 {
            source = zawgyi::to_unicode(&source);
        }
    }
    for zawgyi::Src { c, start, end } in source {
        if c.is_whitespace() {
            if !last_space {
                chars.push(Ch { c: ' ', start, end });
                last_space = true;
            }
            continue;
        }
        buf.clear();
        fold_char(c, &mut buf);
        for &f in &buf {
            if f.is_whitespace() {
                if last_space {
                    continue;
                }
                chars.push(Ch { c: ' ', start, end });
                last_space = true;
            } else {
                chars.push(Ch { c: f, start, end });
                last_space = false;
            }
        }
    }
    if chars.last().is_some_and(|c| c.c == ' ') {
        chars.pop();
    }

    // Stage 2a: look-alikes inside words that have Latin letters.
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !is_letter(chars[i].c) {
            i += 1;
            continue;
        }
        let mut j = i;
        let (mut latin, mut other) = (false, false);
        while j < n && is_letter(chars[j].c) {
            if chars[j].c.is_ascii_alphabetic() {
                latin = true;
            } else if latin_lookalike(chars[j].c).is_some() {
                other = true;
            }
            j += 1;
        }
        if latin && other {
            for ch in &mut chars[i..j] {
                if let Some(l) = latin_lookalike(ch.c) {
                    ch.c = l;
                }
            }
        }
        i = j;
    }

    // Stage 2b: leetspeak digits between Latin letters (`t3legr4m`).
    let mut i = 0;
    while i < n {
        if leet(chars[i].c).is_some() && i > 0 && chars[i - 1].c.is_ascii_alphabetic() {
            let mut j = i;
            while j < n && leet(chars[j].c).is_some() {
                j += 1;
            }
            if j < n && chars[j].c.is_ascii_alphabetic() && j - i <= 2 && !is_short_amount(&chars, i, j) {
                for ch in &mut chars[i..j] {
                    ch.c = leet(ch.c).unwrap_or(ch.c);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }

    // Stage 2c: join spaced or dotted single letters (`w.h.a.t.s.a.p.p`), at least four of them.
    let single = |k: usize| -> bool {
        chars[k].c.is_ascii_alphabetic() && (k == 0 || !is_letter(chars[k - 1].c)) && (k + 1 >= n || !is_letter(chars[k + 1].c))
    };
    let mut drop = vec![false; n];
    let mut i = 0;
    while i < n {
        if !single(i) {
            i += 1;
            continue;
        }
        let mut letters = vec![i];
        let mut k = i;
        // One separator kind per run: "V.I.E.C N.H.E" is two words, not one.
        let sep = if k + 1 < n { chars[k + 1].c } else { ' ' };
        while k + 2 < n && chars[k + 1].c == sep && is_spacing_separator(sep) && single(k + 2) {
            k += 2;
            letters.push(k);
        }
        if letters.len() >= if sep == ' ' { 4 } else { 3 } {
            for w in letters.windows(2) {
                drop[w[0] + 1] = true;
            }
        }
        i = k + 1;
    }

    // Stage 3: the string and its byte map.
    let mut out = Normalized { text: String::with_capacity(input.len()), map: Vec::with_capacity(input.len()) };
    for (k, ch) in chars.iter().enumerate() {
        if drop[k] {
            continue;
        }
        out.text.push(ch.c);
        for _ in 0..ch.c.len_utf8() {
            out.map.push((ch.start, ch.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn evasions_are_undone() {
        assert_eq!(n("ＴＥＬＥＧＲＡＭ"), "telegram");
        assert_eq!(n("T e l e g r a m"), "telegram");
        assert_eq!(n("w.h.a.t.s.a.p.p me"), "whatsapp me");
        assert_eq!(n("t-e-l-e-g-r-a-m"), "telegram");
        assert_eq!(n("V.I.Ệ.C N.H.Ẹ L.Ư.Ơ.N.G C.A.O"), "viec nhe luong cao");
        assert_eq!(n("ေကာင္းေသာ အလုပ္"), "ကောင်းသော အလုပ်"); // Zawgyi → Unicode
        assert_eq!(n("t3legr4m"), "telegram");
        assert_eq!(n("Tеlеgram"), "telegram"); // Cyrillic е
        assert_eq!(n("tele\u{200B}gram"), "telegram");
        assert_eq!(n("Việc nhẹ lương cao"), "viec nhe luong cao");
        assert_eq!(n("Đi làm"), "di lam");
        assert_eq!(n("เงินเดือน ๓๕,๐๐๐ บาท"), "เงินเดือน 35,000 บาท");
        assert_eq!(n("3\u{FE0F}\u{20E3} days"), "3 days");
        assert_eq!(n("①②"), "12");
        assert_eq!(n("ຫຼວງພະບາງ"), n("ຫລວງພະບາງ")); // Lao subscript LO = full LO
        assert_eq!(n("  a \n\n b  "), "a b");
    }

    #[test]
    fn ordinary_words_are_kept() {
        assert_eq!(n("COVID19 test, 5k run, u.s. visa"), "covid19 test, 5k run, u.s. visa");
        assert_eq!(n("ทำงาน"), "ทำงาน"); // SARA AM kept whole
        assert_eq!(n("Москва"), "москва"); // an all-Cyrillic word stays Cyrillic
        assert_eq!(n("月薪３万"), "月薪3万");
        assert_eq!(n("P50k a month, RM5k, Php45k"), "p50k a month, rm5k, php45k"); // amounts, not leetspeak
        assert_eq!(n("faceb00k"), "facebook");
    }

    #[test]
    fn map_points_back_to_the_original() {
        let src = "Call T e l e g r a m now";
        let nz = normalize(src);
        let at = nz.text.find("telegram").unwrap();
        let (s, e) = nz.original_range(at, at + "telegram".len());
        assert_eq!(&src[s..e], "T e l e g r a m");
        let src = "Lương CAO";
        let nz = normalize(src);
        let (s, e) = nz.original_range(0, nz.text.find(' ').unwrap());
        assert_eq!(&src[s..e], "Lương");
    }
}
