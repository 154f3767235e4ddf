//! Visible text of an HTML document, through a real HTML parser (html5ever via `scraper`):
//! script, style, template and other invisible elements are skipped; block elements break lines.

use scraper::{Html, Node};

const INVISIBLE: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "iframe", "object"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
    "form",
];

/// Whether `text` looks like HTML rather than plain text.
pub fn looks_like_html(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The text a reader sees.
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if INVISIBLE.contains(&name) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
                    continue;
                }
                let block = BLOCK.contains(&name);
                if closing {
                    if block && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    continue;
                }
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                for c in children.into_iter().rev() {
                    stack.push((c, false));
                }
            }
            Node::Text(t) if !closing => {
                let s = t.text.trim_matches(|c: char| c == '\n' || c == '\r');
                if !s.trim().is_empty() {
                    if !out.is_empty() && !out.ends_with(['\n', ' ']) {
                        out.push(' ');
                    }
                    out.push_str(s.trim());
                }
            }
            _ if !closing => {
                let children: Vec<_> = node.children().collect();
                for c in children.into_iter().rev() {
                    stack.push((c, false));
                }
            }
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_text() {
        let t = visible_text("<html><head><title>x</title><script>var telegram=1</script></head><body><p>Free <b>flight</b></p><div hidden>secret</div><p>Contact us</p></body></html>");
        assert_eq!(t, "Free flight\nContact us");
    }
}
