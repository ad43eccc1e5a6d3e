//! Type on the page: the bundled Noto Sans (regular and bold), system fallbacks for scripts it
//! lacks, and measured text widths.
//!
//! The one-page rule depends on knowing exactly how wide every string will print, so all widths
//! come from the glyph advances of the very fonts that get embedded. Names can be in any script:
//! Latin, Greek and Cyrillic are in Noto Sans; for CJK, Arabic and others we look for a system
//! font at run time. A character no font has is printed as a visible replacement (U+FFFD or
//! `?`) and reported as a warning, never dropped silently.

use printpdf::ParsedFont;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");

/// Preferred system fonts for scripts Noto Sans lacks, tried in order before a wider scan.
const FALLBACK_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];
const SYSTEM_FONT_DIR: &str = "/usr/share/fonts";

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
    upem: f32,
}

impl Face {
    fn parse(bytes: &[u8], index: usize, name: &str) -> Option<Face> {
        let font = ParsedFont::from_bytes(bytes, index, &mut Vec::new())?;
        let upem = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Some(Face { font, name: name.to_string(), upem })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        self.font.lookup_glyph_index(c as u32).filter(|g| *g != 0)
    }

    fn advance(&self, gid: u16) -> f32 {
        f32::from(self.font.get_horizontal_advance(gid)) / self.upem
    }
}

/// A stretch of text printed in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub text: String,
}

/// The fonts of one render. Fallback faces are loaded lazily, only when a character needs one.
pub struct Fonts {
    faces: Vec<Face>,
    scanned: bool,
    missing: BTreeSet<char>,
}

impl Fonts {
    /// The bundled faces. Parsing them cannot fail for the files shipped in this crate, but a
    /// failure is reported rather than panicking.
    pub fn new() -> Result<Fonts, String> {
        let regular = Face::parse(REGULAR_TTF, 0, "Noto Sans").ok_or("the bundled Noto Sans font did not parse")?;
        let bold = Face::parse(BOLD_TTF, 0, "Noto Sans Bold").ok_or("the bundled Noto Sans Bold font did not parse")?;
        Ok(Fonts { faces: vec![regular, bold], scanned: false, missing: BTreeSet::new() })
    }

    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// Characters no available font could print (they were replaced on the page).
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Split `text` into runs by the face that can print each character, loading a system
    /// fallback if needed and replacing what no font has.
    pub fn runs(&mut self, text: &str, weight: Weight) -> Vec<Run> {
        let primary = match weight {
            Weight::Regular => 0,
            Weight::Bold => 1,
        };
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            let (face, ch) = self.face_for(c, primary);
            match runs.last_mut() {
                Some(r) if r.face == face => r.text.push(ch),
                _ => runs.push(Run { face, text: ch.to_string() }),
            }
        }
        runs
    }

    fn face_for(&mut self, c: char, primary: FaceId) -> (FaceId, char) {
        if self.faces[primary].glyph(c).is_some() || c == ' ' {
            return (primary, c);
        }
        if let Some(i) = (2..self.faces.len()).find(|i| self.faces[*i].glyph(c).is_some()) {
            return (i, c);
        }
        if !self.scanned {
            if let Some(i) = self.load_fallback_for(c) {
                return (i, c);
            }
        }
        self.missing.insert(c);
        let replacement = if self.faces[primary].glyph('\u{FFFD}').is_some() { '\u{FFFD}' } else { '?' };
        (primary, replacement)
    }

    /// Load the first system font that has `c`: the preferred list, then a scan of the system
    /// font directory. After a full scan that found nothing, give up for this render.
    fn load_fallback_for(&mut self, c: char) -> Option<FaceId> {
        let loaded: BTreeSet<String> = self.faces.iter().map(|f| f.name.clone()).collect();
        let mut paths: Vec<PathBuf> = FALLBACK_CANDIDATES.iter().map(PathBuf::from).collect();
        let mut scan = Vec::new();
        collect_font_files(Path::new(SYSTEM_FONT_DIR), &mut scan, 0);
        scan.sort();
        paths.extend(scan);
        for path in paths {
            let name = path.display().to_string();
            if loaded.contains(&name) || !path.is_file() {
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let Some(face) = Face::parse(&bytes, 0, &name) else { continue };
            if face.glyph(c).is_some() {
                self.faces.push(face);
                return Some(self.faces.len() - 1);
            }
        }
        self.scanned = true;
        None
    }

    /// Printed width in points of `text` at `size`, with the same face choice as drawing.
    pub fn width(&mut self, text: &str, size: f32, weight: Weight) -> f32 {
        let runs = self.runs(text, weight);
        runs.iter().map(|r| self.run_width(r, size)).sum()
    }

    pub fn run_width(&self, run: &Run, size: f32) -> f32 {
        let face = &self.faces[run.face];
        run.text
            .chars()
            .map(|c| face.glyph(c).map(|g| face.advance(g)).unwrap_or_else(|| face.space_or_zero()))
            .sum::<f32>()
            * size
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
            let mid = (lo + hi + 1) / 2;
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

fn collect_font_files(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_font_files(&path, out, depth + 1);
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_ascii_lowercase();
        let is_font = name.ends_with(".ttf") || name.ends_with(".otf") || name.ends_with(".ttc");
        let is_regular = name.contains("regular") || !name.contains('-');
        if is_font && is_regular && !name.contains("mono") && !name.contains("serif") {
            out.push(path);
        }
    }
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
}
