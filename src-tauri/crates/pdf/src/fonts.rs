//! Type on the page: the bundled Noto Sans (regular and bold), system fallbacks for scripts it
//! lacks, and measured text widths.
//!
//! The one-page rule depends on knowing exactly how wide every string will print, so all widths
//! come from the glyph advances of the very fonts that get embedded (and, for scripts that need
//! it, from the shaper's glyphs: see `shaping`). Names can be in any script: Latin, Greek and
//! Cyrillic are in Noto Sans; for CJK, Arabic and others an installed font is found at run time
//! (`system_fonts`). A character no font has is printed as a visible replacement (U+FFFD or
//! `?`) and reported as a warning, never dropped silently.

use crate::shaping::{self, Glyph};
use crate::system_fonts;
use printpdf::ParsedFont;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Which embedded face a run of text uses: 0 regular, 1 bold, 2.. system fallbacks.
pub type FaceId = usize;

pub struct Face {
    pub font: ParsedFont,
    pub name: String,
    /// The weight it prints: a fallback loaded for bold text is the family's bold file where
    /// one is installed beside the regular.
    weight: Weight,
    /// The font file, for the shaper.
    bytes: Cow<'static, [u8]>,
    upem: f32,
}

impl Face {
    fn parse(bytes: Cow<'static, [u8]>, name: &str, weight: Weight) -> Option<Face> {
        let font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())?;
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Some(Face { font, name: name.to_string(), weight, bytes, upem })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        self.font.lookup_glyph_index(c as u32).filter(|g| *g != 0)
    }

    fn advance(&self, gid: u16) -> f32 {
        f32::from(self.font.get_horizontal_advance(gid)) / self.upem
    }
}

/// A stretch of text printed in one face, in the order runs print left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub text: String,
    /// Shaped (see [`shaping`]): printed as the shaper's glyphs, right to left if `rtl`.
    pub shaped: bool,
    pub rtl: bool,
}

/// The fonts of one render. Fallback faces are loaded lazily, only when a character needs one.
pub struct Fonts {
    faces: Vec<Face>,
    missing: BTreeSet<char>,
    /// Shaped runs by face, direction and text: the layout measures the same names many times.
    shaped: RefCell<HashMap<(FaceId, bool, String), Rc<[Glyph]>>>,
    /// Regular fallbacks whose bold was looked for: each family's bold file is read at most once,
    /// not again for every bold character it turns out not to print.
    bold_tried: BTreeSet<PathBuf>,
}

impl Fonts {
    /// The bundled faces. Parsing them cannot fail for the files shipped in this crate, but a
    /// failure is reported rather than panicking.
    pub fn new() -> Result<Fonts, String> {
        let regular = Face::parse(Cow::Borrowed(REGULAR_TTF), "Noto Sans", Weight::Regular).ok_or("the bundled Noto Sans font did not parse")?;
        let bold = Face::parse(Cow::Borrowed(BOLD_TTF), "Noto Sans Bold", Weight::Bold).ok_or("the bundled Noto Sans Bold font did not parse")?;
        Ok(Fonts { faces: vec![regular, bold], missing: BTreeSet::new(), shaped: RefCell::default(), bold_tried: BTreeSet::new() })
    }

    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// Characters no available font could print (they were replaced on the page).
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Split `text` into runs by the face that can print each character, loading a system
    /// fallback if needed and replacing what no font has. Text in a script that needs shaping
    /// is put in the order it is seen (right-to-left stretches reversed) and marked shaped.
    pub fn runs(&mut self, text: &str, weight: Weight) -> Vec<Run> {
        let primary = match weight {
            Weight::Regular => 0,
            Weight::Bold => 1,
        };
        // Accents typed as separate marks (as macOS pastes them) become the composed letters
        // the fonts have.
        let text: Cow<str> = if is_nfc_quick(text.chars()) == IsNormalized::Yes { Cow::Borrowed(text) } else { Cow::Owned(text.nfc().collect()) };
        if !shaping::needs_shaping(&text) {
            return self.face_runs(&text, primary, false, false);
        }
        let mut runs = Vec::new();
        for (range, rtl) in shaping::visual_runs(&text) {
            let mut part = self.face_runs(&text[range], primary, true, rtl);
            if rtl {
                part.reverse();
            }
            runs.extend(part);
        }
        runs
    }

    /// `text` split by face, in its own order.
    fn face_runs(&mut self, text: &str, primary: FaceId, shaped: bool, rtl: bool) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            // A joiner or a direction mark goes to the shaper with the letters before it.
            if let (true, '\u{200C}'..='\u{200F}', Some(last)) = (shaped, c, runs.last_mut()) {
                last.text.push(c);
                continue;
            }
            let (face, ch) = self.face_for(c, primary);
            match runs.last_mut() {
                Some(r) if r.face == face => r.text.push(ch),
                _ => runs.push(Run { face, text: ch.to_string(), shaped, rtl }),
            }
        }
        runs
    }

    fn face_for(&mut self, c: char, primary: FaceId) -> (FaceId, char) {
        if self.faces[primary].glyph(c).is_some() || c == ' ' {
            return (primary, c);
        }
        let weight = self.faces[primary].weight;
        let fallback =
            |faces: &[Face], weight: Option<Weight>| (2..faces.len()).find(|i| weight.is_none_or(|w| faces[*i].weight == w) && faces[*i].glyph(c).is_some());
        if let Some(i) = fallback(&self.faces, Some(weight)) {
            return (i, c);
        }
        if !self.missing.contains(&c) {
            if let Some(i) = self.load_fallback_for(c, weight) {
                return (i, c);
            }
        }
        // No bold of the script's font is installed: its regular stands in.
        if let Some(i) = fallback(&self.faces, None) {
            return (i, c);
        }
        self.missing.insert(c);
        let replacement = if self.faces[primary].glyph('\u{FFFD}').is_some() { '\u{FFFD}' } else { '?' };
        (primary, replacement)
    }

    /// Load the first installed font that has `c` (see [`system_fonts`]); for bold text, the bold
    /// file beside it (`NotoSansCJK-Bold.ttc` by `NotoSansCJK-Regular.ttc`) when there is one.
    fn load_fallback_for(&mut self, c: char, weight: Weight) -> Option<FaceId> {
        let regulars: BTreeSet<PathBuf> = self.faces[2..].iter().filter(|f| f.weight == Weight::Regular).map(|f| PathBuf::from(&f.name)).collect();
        let regular = match (weight, self.faces[2..].iter().position(|f| f.weight == Weight::Regular && f.glyph(c).is_some())) {
            // Bold text in a script whose regular is loaded: look for that family's bold only.
            (Weight::Bold, Some(i)) => return self.load_bold_of(&PathBuf::from(&self.faces[i + 2].name), c),
            _ => system_fonts::font_for(c, &regulars),
        };
        let (path, bytes) = regular?;
        if weight == Weight::Bold {
            if let Some(i) = self.load_bold_of(&path, c) {
                return Some(i);
            }
        }
        let face = Face::parse(Cow::Owned(bytes), &path.display().to_string(), Weight::Regular)?;
        self.faces.push(face);
        Some(self.faces.len() - 1)
    }

    /// The bold file of a regular font's family, if installed and it prints `c`; looked for once
    /// per family.
    fn load_bold_of(&mut self, regular: &Path, c: char) -> Option<FaceId> {
        if !self.bold_tried.insert(regular.to_path_buf()) {
            return None;
        }
        let path = system_fonts::bold_of(regular)?;
        let face = Face::parse(Cow::Owned(std::fs::read(&path).ok()?), &path.display().to_string(), Weight::Bold)?;
        // Kept even when it lacks `c`, so its other characters find it among the loaded faces
        // (only faces a run uses are embedded).
        let prints = face.glyph(c).is_some();
        self.faces.push(face);
        prints.then(|| self.faces.len() - 1)
    }

    /// A shaped run's glyphs, left to right.
    pub fn glyphs(&self, run: &Run) -> Rc<[Glyph]> {
        let key = (run.face, run.rtl, run.text.clone());
        if let Some(g) = self.shaped.borrow().get(&key) {
            return g.clone();
        }
        let face = &self.faces[run.face];
        // A face the shaper cannot read prints one glyph a character, as unshaped text does.
        let glyphs: Rc<[Glyph]> = shaping::shape(&face.bytes, 0, &run.text, run.rtl)
            .unwrap_or_else(|| {
                run.text
                    .chars()
                    .map(|c| {
                        let gid = face.glyph(c).unwrap_or(0);
                        Glyph { gid, advance: face.advance(gid), dx: 0.0, dy: 0.0, text: Some(c.to_string()) }
                    })
                    .collect()
            })
            .into();
        self.shaped.borrow_mut().insert(key, glyphs.clone());
        glyphs
    }

    /// Printed width in points of `text` at `size`, with the same face choice as drawing.
    pub fn width(&mut self, text: &str, size: f32, weight: Weight) -> f32 {
        let runs = self.runs(text, weight);
        runs.iter().map(|r| self.run_width(r, size)).sum()
    }

    pub fn run_width(&self, run: &Run, size: f32) -> f32 {
        if run.shaped {
            return self.glyphs(run).iter().map(|g| g.advance).sum::<f32>() * size;
        }
        let face = &self.faces[run.face];
        run.text.chars().map(|c| face.glyph(c).map(|g| face.advance(g)).unwrap_or_else(|| face.space_or_zero())).sum::<f32>() * size
    }

    /// `text` cut to fit `max` points, ending in an ellipsis if anything was cut.
    pub fn fit(&mut self, text: &str, size: f32, weight: Weight, max: f32) -> String {
        if self.width(text, size, weight) <= max {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        // Binary search the longest prefix that fits with the ellipsis.
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let candidate = with_ellipsis(&chars[..mid]);
            if self.width(&candidate, size, weight) <= max {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let cut = with_ellipsis(&chars[..lo]);
        if self.width(&cut, size, weight) <= max {
            cut
        } else {
            String::new()
        }
    }

    /// Break `text` into lines no wider than `max`: at its own line breaks (a note written as a
    /// list stays a list), then at spaces (and inside a word that is wider than a whole line).
    pub fn wrap(&mut self, text: &str, size: f32, weight: Weight, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines().filter(|p| !p.trim().is_empty()) {
            self.wrap_paragraph(paragraph, size, weight, max, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&mut self, text: &str, size: f32, weight: Weight, max: f32, lines: &mut Vec<String>) {
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
            if self.width(&candidate, size, weight) <= max {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if self.width(word, size, weight) <= max {
                current = word.to_string();
            } else {
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size, weight) > max {
                        piece.pop();
                        if !piece.is_empty() {
                            lines.push(std::mem::take(&mut piece));
                        }
                        piece.push(c);
                    }
                }
                current = piece;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
    }
}

impl Face {
    fn space_or_zero(&self) -> f32 {
        self.glyph(' ').map(|g| self.advance(g)).unwrap_or(0.0)
    }
}

fn with_ellipsis(chars: &[char]) -> String {
    let mut s: String = chars.iter().collect();
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_truncates() {
        let mut f = Fonts::new().unwrap();
        let w = f.width("Zürich Łódź Ελλάδα Москва €", 10.0, Weight::Regular);
        assert!(w > 50.0 && w < 200.0, "{w}");
        assert!(f.missing().is_empty());
        assert!(f.width("Bold", 10.0, Weight::Bold) > f.width("Bold", 10.0, Weight::Regular));
        let cut = f.fit("A very long placement name that will not fit", 8.0, Weight::Regular, 60.0);
        assert!(cut.ends_with('…'));
        assert!(f.width(&cut, 8.0, Weight::Regular) <= 60.0);
        // Digits are tabular: all the same width.
        let d: Vec<f32> = "0123456789".chars().map(|c| f.width(&c.to_string(), 10.0, Weight::Regular)).collect();
        assert!(d.iter().all(|w| (w - d[0]).abs() < 1e-3));
    }

    #[test]
    fn wraps_inside_width() {
        let mut f = Fonts::new().unwrap();
        let lines = f.wrap("Rates are Q4 2026 actuals and platform benchmarks; auction delivery is an estimate.", 7.0, Weight::Regular, 80.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(f.width(l, 7.0, Weight::Regular) <= 80.0);
        }
        // A note's own line breaks are kept; blank lines and the line ends themselves are not.
        let listed = f.wrap("Assumptions:\r\n\n• Rates are Q4 actuals\n• Reach is modelled", 7.0, Weight::Regular, 200.0);
        assert_eq!(listed, vec!["Assumptions:", "• Rates are Q4 actuals", "• Reach is modelled"]);
    }

    fn installed(path: &str) -> bool {
        std::path::Path::new(path).is_file()
    }

    #[test]
    fn a_character_no_font_has_does_not_stop_the_next_script_finding_its_font() {
        if !installed("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf") {
            return; // fonts-noto-core is not installed here
        }
        let mut f = Fonts::new().unwrap();
        let runs = f.runs("\u{10FFFD} then हिन्दी", Weight::Regular);
        assert!(f.missing().contains(&'\u{10FFFD}'));
        let hindi = runs.iter().find(|r| r.text.contains('ह')).expect("the Hindi is printed");
        assert!(hindi.face >= 2 && hindi.shaped, "{runs:?}");
        assert_eq!(f.missing().len(), 1);
    }

    #[test]
    fn arabic_is_joined_and_read_right_to_left() {
        if !installed("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf") {
            return;
        }
        let mut f = Fonts::new().unwrap();
        let runs = f.runs("Brand بحث", Weight::Regular);
        let arabic = runs.iter().find(|r| r.text == "بحث").expect("one Arabic run");
        assert!(arabic.shaped && arabic.rtl);
        // Printed right to left: the last letter's glyph comes first. Joined, the word is
        // narrower than its letters set apart.
        let glyphs = f.glyphs(arabic);
        assert_eq!(glyphs.len(), 3);
        assert_eq!(glyphs[0].text.as_deref(), Some("ث"));
        assert_eq!(glyphs[2].text.as_deref(), Some("ب"));
        let apart: f32 = "ب ح ث".split(' ').map(|c| f.width(c, 10.0, Weight::Regular)).sum();
        assert!(f.width("بحث", 10.0, Weight::Regular) < apart - 1.0);
    }

    #[test]
    fn accents_typed_apart_print_as_the_composed_letter() {
        let mut f = Fonts::new().unwrap();
        let runs = f.runs("Pho\u{302}", Weight::Regular);
        assert_eq!(runs, vec![Run { face: 0, text: "Phô".into(), shaped: false, rtl: false }]);
    }
}
