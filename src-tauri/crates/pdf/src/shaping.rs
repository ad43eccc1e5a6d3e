//! Text whose glyphs are not one per character, in the order it reads.
//!
//! Why: a client's or a line's name can be Arabic, Hebrew, Devanagari or Thai. Arabic letters
//! join, and take another form at the start, middle and end of a word; Devanagari reorders and
//! stacks its vowel signs; Thai and accents typed as separate marks sit on their letter; Arabic
//! and Hebrew run right to left inside a left-to-right page. Printed one glyph per character in
//! typing order, such a name is unreadable on the client's plan. These runs go through a shaper
//! (rustybuzz, a port of HarfBuzz), after the Unicode bidirectional algorithm has put them in the
//! order they are seen. Everything else keeps the plain one-glyph-per-character path, whose
//! widths the layout was tuned on.

use rustybuzz::{Direction, UnicodeBuffer};
use std::ops::Range;
use unicode_bidi::BidiInfo;

/// One glyph of a shaped run, in ems of its font: where the pen moves after it, and how far it
/// sits from the pen (a mark over its letter).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
    /// The text the glyph stands for (copy and search in the PDF read it back), if any.
    pub text: Option<String>,
}

/// Whether `text` has a character that needs shaping or reordering: a right-to-left letter, a
/// combining mark, or a script whose letters change form or order (Indic, Thai and its
/// neighbours, Tibetan, Myanmar, Khmer, Mongolian, Sinhala).
pub fn needs_shaping(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x0300..=0x036F      // combining diacritical marks
            | 0x0590..=0x08FF    // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
            | 0x0900..=0x0DFF    // Devanagari to Sinhala
            | 0x0E00..=0x0FFF    // Thai, Lao, Tibetan
            | 0x1000..=0x109F    // Myanmar
            | 0x1780..=0x18AF    // Khmer, Mongolian
            | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF // more combining marks
            | 0xA8E0..=0xA8FF    // Devanagari extended
            | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF // Hebrew and Arabic presentation forms
            | 0x10800..=0x10FFF  // historic right-to-left scripts
            | 0x1E800..=0x1EFFF)
    })
}

/// The stretches of `text` in the order they are seen left to right, each with whether it runs
/// right to left (its characters are then shaped right to left, and come out in seen order).
/// The page reads left to right, so every text is a left-to-right paragraph: an Arabic client
/// name before " · Brand" stays before it.
pub fn visual_runs(text: &str) -> Vec<(Range<usize>, bool)> {
    let bidi = BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let Some(para) = bidi.paragraphs.first() else { return Vec::new() };
    if !bidi.has_rtl() {
        return vec![(0..text.len(), false)];
    }
    let (levels, runs) = bidi.visual_runs(para, para.range.clone());
    runs.into_iter().filter(|r| !r.is_empty()).map(|r| (r.clone(), levels[r.start].is_rtl())).collect()
}

/// `text` shaped in the font `bytes` (face `index`), right to left if `rtl`: its glyphs in
/// the order they print, left to right. `None` if the font does not parse.
pub fn shape(bytes: &[u8], index: u32, text: &str, rtl: bool) -> Option<Vec<Glyph>> {
    let face = rustybuzz::Face::from_slice(bytes, index)?;
    let upem = f32::from(face.units_per_em().max(1) as u16);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    let shaped = rustybuzz::shape(&face, &[], buffer);
    let infos = shaped.glyph_infos();
    let texts =
        glyph_texts(text, infos.iter().map(|g| (g.cluster as usize, u16::try_from(g.glyph_id).unwrap_or(0))).collect(), |c| face.glyph_index(c).map(|g| g.0));
    let glyphs = infos
        .iter()
        .zip(shaped.glyph_positions())
        .zip(texts)
        .map(|((info, pos), text)| Glyph {
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32 / upem,
            dx: pos.x_offset as f32 / upem,
            dy: pos.y_offset as f32 / upem,
            text,
        })
        .collect();
    Some(glyphs)
}

/// The text each glyph (`(cluster start, glyph id)`, in print order) stands for. A PDF maps a
/// glyph to one text wherever it prints, so: a cluster's only glyph (a joined form, a ligature)
/// stands for the whole cluster; where a cluster has several (a letter and its marks, a vowel
/// sign drawn before its consonant), each glyph stands for the characters the font `maps` to it,
/// and the characters left over go to the glyphs left without (the shaper's variant forms),
/// one each when they pair up, else all to the first.
fn glyph_texts(text: &str, glyphs: Vec<(usize, u16)>, maps: impl Fn(char) -> Option<u16>) -> Vec<Option<String>> {
    let mut starts: Vec<usize> = glyphs.iter().map(|g| g.0).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut out: Vec<Option<String>> = vec![None; glyphs.len()];
    for (k, start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let cluster = text.get(*start..end).unwrap_or_default();
        let members: Vec<usize> = (0..glyphs.len()).filter(|i| glyphs[*i].0 == *start).collect();
        if let [only] = members[..] {
            out[only] = Some(cluster.to_string());
            continue;
        }
        let mut left = Vec::new();
        for c in cluster.chars() {
            match members.iter().find(|i| maps(c) == Some(glyphs[**i].1)) {
                Some(i) => out[*i].get_or_insert_with(String::new).push(c),
                None => left.push(c),
            }
        }
        let bare: Vec<usize> = members.iter().copied().filter(|i| out[*i].is_none()).collect();
        if bare.len() == left.len() {
            for (i, c) in bare.iter().zip(left) {
                out[*i] = Some(c.to_string());
            }
        } else if let Some(first) = bare.first() {
            out[*first] = Some(left.into_iter().collect());
        }
    }
    out.into_iter().map(|t| t.filter(|t| !t.is_empty())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_scripts_that_need_it_are_shaped() {
        for plain in ["Search — Brand", "Zürich Łódź Ελλάδα Москва €", "東京 서울", "Phở Hà Nội"] {
            assert!(!needs_shaping(plain), "{plain}");
        }
        for shaped in ["حملة الصيف", "קפה קר", "दिवाली ऑफ़र", "โปรโมชั่น", "Pho\u{302} Ha\u{300}"] {
            assert!(needs_shaping(shaped), "{shaped}");
        }
    }

    #[test]
    fn right_to_left_stretches_are_found_and_put_in_seen_order() {
        assert_eq!(visual_runs("Summer 2027"), vec![(0..11, false)]);
        // A left-to-right line holding a Hebrew name: the name is its own right-to-left run,
        // and a number after it goes with it, seen to its left (as a browser shows it).
        let text = "Launch קפה קר 2027";
        let runs = visual_runs(text);
        let seen: Vec<(&str, bool)> = runs.iter().map(|(r, rtl)| (&text[r.clone()], *rtl)).collect();
        assert_eq!(seen, vec![("Launch ", false), ("2027", false), ("קפה קר ", true)]);
        let text = "Launch קפה קר, Q3";
        let seen: Vec<(&str, bool)> = visual_runs(text).iter().map(|(r, rtl)| (&text[r.clone()], *rtl)).collect();
        assert_eq!(seen, vec![("Launch ", false), ("קפה קר", true), (", Q3", false)]);
        // An Arabic name with a number: the number reads left to right, seen before the words.
        let text = "حملة 2027";
        let seen: Vec<(&str, bool)> = visual_runs(text).iter().map(|(r, rtl)| (&text[r.clone()], *rtl)).collect();
        assert_eq!(seen, vec![("2027", false), ("حملة ", true)]);
        // An Arabic client before the brand stays first on a left-to-right page.
        let text = "شركة القهوة · Northwind";
        let seen: Vec<(&str, bool)> = visual_runs(text).iter().map(|(r, rtl)| (&text[r.clone()], *rtl)).collect();
        assert_eq!(seen, vec![("شركة القهوة", true), (" · Northwind", false)]);
    }

    #[test]
    fn each_glyph_stands_for_its_own_text() {
        let maps = |c: char| match c {
            'a' => Some(1),
            'b' => Some(2),
            'm' => Some(3),
            _ => None,
        };
        // One glyph for a cluster: the whole cluster (a ligature, a joined form).
        assert_eq!(glyph_texts("fi", vec![(0, 9)], maps), vec![Some("fi".into())]);
        // A letter and its mark: each glyph its own character, whatever the print order.
        assert_eq!(glyph_texts("am", vec![(0, 3), (0, 1)], maps), vec![Some("m".into()), Some("a".into())]);
        // A variant form the font maps no character to takes the character left over.
        assert_eq!(glyph_texts("ax", vec![(0, 7), (0, 1)], maps), vec![Some("x".into()), Some("a".into())]);
        // Two clusters, and a glyph with nothing left for it.
        assert_eq!(glyph_texts("ab", vec![(0, 1), (0, 8), (1, 2)], maps), vec![Some("a".into()), None, Some("b".into())]);
    }
}
