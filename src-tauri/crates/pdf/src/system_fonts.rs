//! The installed fonts a page falls back on, and which characters each one has.
//!
//! Why: a name in a script the bundled Noto Sans lacks (Arabic, Hebrew, Devanagari, Thai, CJK)
//! prints in an installed font that has it, and finding that font means reading font files,
//! some of them tens of megabytes. What each file covers is remembered for the life of the
//! process, so a page in several scripts, or the next export from the app, does not read the same
//! files again, and a character no font has (an emoji on a machine without an emoji font) does
//! not stop the search for the next one.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Preferred system fonts for scripts Noto Sans lacks, tried in order before the others.
const PREFERRED: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];
const SYSTEM_FONT_DIR: &str = "/usr/share/fonts";

/// The characters a font file's first face maps, as sorted inclusive ranges.
struct Coverage(Vec<(u32, u32)>);

impl Coverage {
    fn of(bytes: &[u8]) -> Coverage {
        let mut points = Vec::new();
        if let Ok(face) = rustybuzz::ttf_parser::Face::parse(bytes, 0) {
            for table in face.tables().cmap.iter().flat_map(|cmap| cmap.subtables) {
                if table.is_unicode() {
                    table.codepoints(|cp| points.push(cp));
                }
            }
        }
        points.sort_unstable();
        points.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for p in points {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == p => *end = p,
                _ => ranges.push((p, p)),
            }
        }
        Coverage(ranges)
    }

    fn has(&self, c: char) -> bool {
        let c = c as u32;
        let i = self.0.partition_point(|(_, end)| *end < c);
        self.0.get(i).is_some_and(|(start, _)| *start <= c)
    }
}

#[derive(Default)]
struct Index {
    /// Every candidate file, preferred ones first; listed on first use.
    order: Option<Vec<PathBuf>>,
    covers: HashMap<PathBuf, Coverage>,
}

fn index() -> &'static Mutex<Index> {
    static INDEX: OnceLock<Mutex<Index>> = OnceLock::new();
    INDEX.get_or_init(Mutex::default)
}

/// The first installed font file, other than those in `loaded`, that has `c`: its path and
/// bytes.
pub fn font_for(c: char, loaded: &BTreeSet<PathBuf>) -> Option<(PathBuf, Vec<u8>)> {
    // A panic while the index was locked leaves it whole: each change is one insert.
    let mut index = index().lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let order = index.order.get_or_insert_with(candidates).clone();
    for path in order.iter().filter(|p| !loaded.contains(*p)) {
        if index.covers.get(path).is_some_and(|known| !known.has(c)) {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else { continue };
        let covers = index.covers.entry(path.clone()).or_insert_with(|| Coverage::of(&bytes));
        if covers.has(c) {
            return Some((path.clone(), bytes));
        }
    }
    None
}

/// The bold file of a regular font's family, installed beside it: `NotoSansCJK-Bold.ttc` for
/// `NotoSansCJK-Regular.ttc`, `NotoSansArabic-Bold.ttf` for `NotoSansArabic-Regular.ttf`.
pub fn bold_of(regular: &Path) -> Option<PathBuf> {
    let name = regular.file_name()?.to_str()?;
    let bold = regular.with_file_name(name.replacen("-Regular", "-Bold", 1));
    (bold != regular && bold.is_file()).then_some(bold)
}

fn candidates() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = PREFERRED.iter().map(PathBuf::from).filter(|p| p.is_file()).collect();
    let mut scan = Vec::new();
    collect_font_files(Path::new(SYSTEM_FONT_DIR), &mut scan, 0);
    scan.sort();
    paths.extend(scan.into_iter().filter(|p| !PREFERRED.iter().any(|q| Path::new(q) == p)));
    paths
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
    fn coverage_answers_from_ranges() {
        let noto = Coverage::of(include_bytes!("../fonts/NotoSans-Regular.ttf"));
        for c in ['A', 'z', 'é', 'Ł', 'Ж', 'Ω', '€', '0'] {
            assert!(noto.has(c), "{c}");
        }
        for c in ['東', 'ب', 'א', '\u{1F600}'] {
            assert!(!noto.has(c), "{c}");
        }
        assert!(!Coverage::of(b"not a font").has('A'));
    }
}
