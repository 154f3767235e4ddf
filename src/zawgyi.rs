//! Burmese text in the legacy Zawgyi encoding, still common on social media, converted to Unicode
//! so that the Unicode Burmese rules match it.
//!
//! Zawgyi is a font hack that reuses Myanmar code points for visual forms: the vowel sign E (U+1031)
//! and the medial RA are typed *before* the consonant they follow in Unicode; several medials and
//! the asat sit on other code points; stacked consonants have code points of their own. Detection
//! counts sequences that are only possible in one encoding. Conversion works on characters that
//! carry their origin, so every converted character still points back to the original text.
//!
//! The code-point correspondences are the published Zawgyi font layout (as implemented by the
//! open-source Rabbit and Google myanmar-tools converters); this module is our own implementation.

/// One character with the original byte range it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Src {
    pub c: char,
    pub start: u32,
    pub end: u32,
}

fn is_consonant(c: char) -> bool {
    ('\u{1000}'..='\u{1021}').contains(&c) || c == '\u{103F}' || c == '\u{1025}' || c == '\u{1027}'
}

fn is_myanmar(c: char) -> bool {
    ('\u{1000}'..='\u{109F}').contains(&c)
}

/// Zawgyi code point → Unicode sequence (single-character replacements).
fn map(c: char) -> Option<&'static [char]> {
    Some(match c {
        '\u{1039}' => &['\u{103A}'],                           // asat
        '\u{103A}' | '\u{107D}' => &['\u{103B}'],              // medial YA
        '\u{103B}' | '\u{107E}'..='\u{1084}' => &['\u{103C}'], // medial RA and its wide forms
        '\u{103C}' => &['\u{103D}'],                           // medial WA
        '\u{103D}' | '\u{1087}' => &['\u{103E}'],              // medial HA
        '\u{1033}' => &['\u{102F}'],
        '\u{1034}' => &['\u{1030}'],
        '\u{1088}' => &['\u{103E}', '\u{102F}'],
        '\u{1089}' => &['\u{103E}', '\u{1030}'],
        '\u{108A}' => &['\u{103D}', '\u{103E}'],
        '\u{1094}' | '\u{1095}' => &['\u{1037}'],
        '\u{108F}' => &['\u{1014}'],
        '\u{1090}' => &['\u{101B}'],
        '\u{106A}' => &['\u{1009}'],
        '\u{106B}' => &['\u{100A}'],
        '\u{1086}' => &['\u{103F}'],
        '\u{1060}' => &['\u{1039}', '\u{1000}'],
        '\u{1061}' => &['\u{1039}', '\u{1001}'],
        '\u{1062}' => &['\u{1039}', '\u{1002}'],
        '\u{1063}' => &['\u{1039}', '\u{1003}'],
        '\u{1065}' => &['\u{1039}', '\u{1005}'],
        '\u{1066}' | '\u{1067}' => &['\u{1039}', '\u{1006}'],
        '\u{1068}' => &['\u{1039}', '\u{1007}'],
        '\u{1069}' => &['\u{1039}', '\u{1008}'],
        '\u{106C}' => &['\u{1039}', '\u{100B}'],
        '\u{106D}' => &['\u{1039}', '\u{100C}'],
        '\u{1070}' => &['\u{1039}', '\u{100F}'],
        '\u{1071}' | '\u{1072}' => &['\u{1039}', '\u{1010}'],
        '\u{1073}' | '\u{1074}' => &['\u{1039}', '\u{1011}'],
        '\u{1075}' => &['\u{1039}', '\u{1012}'],
        '\u{1076}' => &['\u{1039}', '\u{1013}'],
        '\u{1077}' => &['\u{1039}', '\u{1014}'],
        '\u{1078}' => &['\u{1039}', '\u{1015}'],
        '\u{1079}' => &['\u{1039}', '\u{1016}'],
        '\u{107A}' => &['\u{1039}', '\u{1017}'],
        '\u{107B}' => &['\u{1039}', '\u{1018}'],
        '\u{107C}' => &['\u{1039}', '\u{1019}'],
        '\u{1085}' => &['\u{1039}', '\u{101C}'],
        '\u{1064}' => &['\u{1004}', '\u{103A}', '\u{1039}'], // kinzi (reordered below)
        '\u{108B}' => &['\u{1004}', '\u{103A}', '\u{1039}', '\u{102D}'],
        '\u{108C}' => &['\u{1004}', '\u{103A}', '\u{1039}', '\u{102E}'],
        '\u{108D}' => &['\u{1004}', '\u{103A}', '\u{1039}', '\u{1036}'],
        '\u{1091}' => &['\u{100F}', '\u{1039}', '\u{100D}'],
        '\u{1092}' => &['\u{100B}', '\u{1039}', '\u{100C}'],
        '\u{1097}' => &['\u{100B}', '\u{1039}', '\u{100B}'],
        '\u{106E}' => &['\u{100D}', '\u{1039}', '\u{100D}'],
        '\u{106F}' => &['\u{100D}', '\u{1039}', '\u{100E}'],
        _ => return None,
    })
}

/// How likely `text` is Zawgyi rather than Unicode Burmese: positive = Zawgyi.
pub fn zawgyi_score(text: &[char]) -> i32 {
    let mut score = 0;
    for (i, &c) in text.iter().enumerate() {
        let prev = if i > 0 { text[i - 1] } else { ' ' };
        let next = text.get(i + 1).copied().unwrap_or(' ');
        match c {
            // Code points Zawgyi uses for stacked and wide forms; Burmese Unicode text has none.
            '\u{1060}'..='\u{1097}' => score += 3,
            // Vowel E or medial RA before a consonant at the start of a syllable: Zawgyi order.
            '\u{1031}' | '\u{103B}' if !is_myanmar(prev) && is_consonant(next) => score += 2,
            // Unicode: vowel E right after a consonant or medial.
            '\u{1031}' if is_consonant(prev) || ('\u{103B}'..='\u{103E}').contains(&prev) => score -= 1,
            // Unicode asat U+103A after a consonant; in Zawgyi U+103A is medial YA, also after a consonant,
            // so only the Unicode stacking sign (U+1039 before a consonant) is taken as evidence.
            '\u{1039}' if is_consonant(next) => score -= 2,
            '\u{1039}' if !is_consonant(next) && is_myanmar(prev) => score += 1,
            _ => {}
        }
    }
    score
}

/// Converts Zawgyi characters to Unicode order and code points, keeping each one's origin.
pub fn to_unicode(chars: &[Src]) -> Vec<Src> {
    // 1. Code points.
    let mut out: Vec<Src> = Vec::with_capacity(chars.len() + 8);
    for s in chars {
        match map(s.c) {
            Some(seq) => out.extend(seq.iter().map(|&c| Src { c, ..*s })),
            None => out.push(*s),
        }
    }
    // 2. Order: E (U+1031) and medial RA (U+103C) typed before the consonant move after it (RA
    //    right after the consonant, E after the consonant and all its medials).
    let mut i = 0;
    while i < out.len() {
        let c = out[i].c;
        if c == '\u{1031}' || c == '\u{103C}' {
            // Leading E, optionally followed by RA, then a consonant.
            let mut j = i + 1;
            let ra = c == '\u{1031}' && out.get(j).is_some_and(|s| s.c == '\u{103C}');
            if ra {
                j += 1;
            }
            if j < out.len() && is_consonant(out[j].c) {
                let consonant = out[j];
                let mut k = j + 1;
                // Stacked consonant (virama + consonant) belongs to the cluster too.
                while k + 1 < out.len() && out[k].c == '\u{1039}' && is_consonant(out[k + 1].c) {
                    k += 2;
                }
                let mut medials: Vec<Src> = out[j + 1..k].to_vec();
                while k < out.len() && ('\u{103B}'..='\u{103E}').contains(&out[k].c) {
                    medials.push(out[k]);
                    k += 1;
                }
                let mut cluster = vec![consonant];
                if c == '\u{103C}' {
                    cluster.push(out[i]);
                    cluster.extend(medials);
                } else {
                    if ra {
                        cluster.push(out[i + 1]);
                    }
                    cluster.extend(medials);
                    cluster.push(out[i]);
                }
                let len = cluster.len();
                out.splice(i..k, cluster);
                i += len;
                continue;
            }
        }
        i += 1;
    }
    // 3. Medials in canonical order (YA, RA, WA, HA) within each run.
    let mut i = 0;
    while i < out.len() {
        if ('\u{103B}'..='\u{103E}').contains(&out[i].c) {
            let mut j = i;
            while j < out.len() && ('\u{103B}'..='\u{103E}').contains(&out[j].c) {
                j += 1;
            }
            out[i..j].sort_by_key(|s| s.c);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(s: &str) -> String {
        let chars: Vec<Src> = s.char_indices().map(|(i, c)| Src { c, start: i as u32, end: (i + c.len_utf8()) as u32 }).collect();
        to_unicode(&chars).into_iter().map(|s| s.c).collect()
    }

    #[test]
    fn common_words_convert() {
        // "Myanmar": Zawgyi မ ် ◌ျ/ြ ... typed order; Unicode မြန်မာ
        assert_eq!(conv("ျမန္မာ"), "မြန်မာ");
        // "salary" လစာ is the same in both encodings.
        assert_eq!(conv("လစာ"), "လစာ");
        // "work" အလုပ္ → အလုပ်
        assert_eq!(conv("အလုပ္"), "အလုပ်");
        // "very" ေကာင္း (good) → ကောင်း
        assert_eq!(conv("ေကာင္း"), "ကောင်း");
    }

    #[test]
    fn detection() {
        let zg: Vec<char> = "ေကာင္းမြန္ေသာ အလုပ္".chars().collect();
        let uni: Vec<char> = "ကောင်းမွန်သော အလုပ်".chars().collect();
        assert!(zawgyi_score(&zg) > 0, "{}", zawgyi_score(&zg));
        assert!(zawgyi_score(&uni) <= 0, "{}", zawgyi_score(&uni));
    }
}
