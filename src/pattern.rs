//! How rule patterns and phrases are prepared before compiling: the same folding as the text, and
//! `\b` made an ASCII word boundary (rules/README.md, "patterns").
//!
//! Why ASCII: Unicode `\b` in the regex crate is about 60 times slower on non-ASCII text and means
//! nothing in scripts without spaces (shared/engineering.md, regex notes); the Latin text it is
//! meant for is ASCII once accents are removed.

use crate::text;

/// Rewrites `\b` / `\B` to their ASCII forms and folds Latin accents in literal characters.
pub fn prepare(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some('B') => out.push_str("(?-u:\\B)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&text::fold(&c.to_string()));
        }
    }
    out
}

/// The first upper-case letter of a pattern outside escapes (`\S`, `\p{Han}`) and flag groups,
/// which could never match lower-cased text.
pub fn upper_case_letter(pattern: &str) -> Option<char> {
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    if matches!(n, 'p' | 'P') && chars.peek() == Some(&'{') {
                        for d in chars.by_ref() {
                            if d == '}' {
                                break;
                            }
                        }
                    }
                }
            }
            '(' if chars.peek() == Some(&'?') => {
                for d in chars.by_ref() {
                    if d == ':' || d == ')' {
                        break;
                    }
                }
            }
            '[' if chars.peek() == Some(&':') => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            c if c.is_uppercase() => return Some(c),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(prepare(r"\bviệc\s+nhẹ\b"), r"(?-u:\b)viec\s+nhe(?-u:\b)");
        assert_eq!(prepare(r"a\\b"), r"a\\b");
    }

    #[test]
    fn upper_case_is_found_outside_escapes() {
        assert_eq!(upper_case_letter(r"\p{Han}\S+\W(?i:x)"), None);
        assert_eq!(upper_case_letter(r"Telegram"), Some('T'));
    }
}
