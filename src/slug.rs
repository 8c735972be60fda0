//! Vietnamese-aware slugs for URLs and heading ids (pure).
//!
//! Diacritics are dropped (`ế` -> `e`) and `đ`/`Đ` become `d`: `đ` is a letter of its own,
//! not `d` plus a mark, so stripping marks after NFD alone would leave it in the URL.

/// `"Kế hoạch chuyển đổi số tỉnh Đắk Lắk"` -> `"ke-hoach-chuyen-doi-so-tinh-dak-lak"`.
/// Letters and digits are kept, everything else becomes a single `-`; the result may be
/// empty when the text has no letters or digits.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            push_char(&mut out, c.to_ascii_lowercase(), &mut pending_dash);
            continue;
        }
        if c.is_ascii() {
            pending_dash = !out.is_empty();
            continue;
        }
        let ascii = match c {
            'đ' | 'Đ' => "d",
            _ => deunicode::deunicode_char(c).unwrap_or(""),
        };
        let mut any = false;
        for a in ascii.chars() {
            if a.is_ascii_alphanumeric() {
                push_char(&mut out, a.to_ascii_lowercase(), &mut pending_dash);
                any = true;
            } else {
                pending_dash = !out.is_empty();
            }
        }
        if !any && !ascii.is_empty() {
            pending_dash = !out.is_empty();
        }
    }
    out
}

/// Lowercase with Vietnamese diacritics removed and `đ` as `d`, everything else kept as it
/// is: for matching words people write with or without diacritics (`Quý` -> `quy`).
pub fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, 'đ' | 'Đ') {
            out.push('d');
        } else if let Some(ascii) = deunicode::deunicode_char(c) {
            out.extend(ascii.chars().map(|a| a.to_ascii_lowercase()));
        }
    }
    out
}

fn push_char(out: &mut String, c: char, pending_dash: &mut bool) {
    if *pending_dash && !out.is_empty() {
        out.push('-');
    }
    *pending_dash = false;
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn vietnamese_titles_become_readable_ascii_slugs() {
        for (text, slug) in [
            (
                "Kế hoạch chuyển đổi số tỉnh Đắk Lắk",
                "ke-hoach-chuyen-doi-so-tinh-dak-lak",
            ),
            ("ĐẮK LẮK", "dak-lak"),
            (
                "Dịch vụ công trực tuyến toàn trình",
                "dich-vu-cong-truc-tuyen-toan-trinh",
            ),
            ("Hoà / Hòa", "hoa-hoa"),
            ("  NV-3.12: Đề án 06  ", "nv-3-12-de-an-06"),
            ("Thuỷ lợi", "thuy-loi"),
            ("plan_2025", "plan-2025"),
            ("!!!", ""),
        ] {
            assert_eq!(slugify(text), slug, "{text}");
        }
    }

    #[test]
    fn folding_keeps_spacing_and_punctuation() {
        assert_eq!(super::fold_ascii("Quý IV/2025"), "quy iv/2025");
        assert_eq!(super::fold_ascii("Thường xuyên"), "thuong xuyen");
        assert_eq!(super::fold_ascii("Đắk Lắk"), "dak lak");
    }

    #[test]
    fn decomposed_input_gives_the_same_slug_as_composed() {
        // "ế" written as e + circumflex + acute (NFD).
        assert_eq!(slugify("Ke\u{302}\u{301} hoạch"), "ke-hoach");
    }
}
