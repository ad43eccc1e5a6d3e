//! Turning the laid-out page into PDF bytes with printpdf: subset-embedded fonts, fills, rules,
//! text, and the document's title, author and creation date.
//!
//! Nothing is measured or decided here; the layout already did that. Drawing only converts
//! top-left coordinates to PDF's bottom-left ones.

use crate::fonts::Fonts;
use crate::layout::{Ink, Layout};
use chrono::{Datelike, NaiveDate};
use printpdf::{
    Codepoint, Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: NaiveDate,
}

fn color(i: Ink) -> Color {
    Color::Rgb(Rgb { r: f32::from(i.0) / 255.0, g: f32::from(i.1) / 255.0, b: f32::from(i.2) / 255.0, icc_profile: None })
}

fn pt_mm(pt: f32) -> Mm {
    Mm(pt * 25.4 / 72.0)
}

/// Draw `pages` (the plan's one page, or an insertion order's pages) into a PDF.
pub fn pdf(pages: &[Layout], fonts: &mut Fonts, meta: &Meta) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "Flightplan".into();
    info.producer = "Flightplan (printpdf)".into();
    let created = pdf_date(meta.created);
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    // Faces are added once for the document, and only those used.
    let mut font_ids: Vec<Option<printpdf::FontId>> = Vec::new();
    let mut sheets = Vec::with_capacity(pages.len());
    for layout in pages {
        let ops = page_ops(layout, pages, fonts, &mut doc, &mut font_ids);
        sheets.push(PdfPage::new(pt_mm(layout.page.w), pt_mm(layout.page.h), ops));
    }
    let opts = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    let bytes = without_empty_pdfx_key(doc.with_pages(sheets).save(&opts, &mut Vec::new()));
    with_content_id(bytes)
}

/// One page's drawing operations; faces it uses for the first time are added to `doc`.
fn page_ops(layout: &Layout, pages: &[Layout], fonts: &mut Fonts, doc: &mut PdfDocument, font_ids: &mut Vec<Option<printpdf::FontId>>) -> Vec<Op> {
    let h = layout.page.h;
    let mut ops = Vec::new();
    for f in &layout.fills {
        ops.push(Op::SetFillColor { col: color(f.ink) });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(f.rect.x),
                y: Pt(h - f.rect.bottom()),
                width: Pt(f.rect.w),
                height: Pt(f.rect.h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }
    for r in &layout.rules {
        ops.push(Op::SetOutlineColor { col: color(r.ink) });
        ops.push(Op::SetOutlineThickness { pt: Pt(r.width) });
        let p = |(x, y): (f32, f32)| LinePoint { p: Point { x: Pt(x), y: Pt(h - y) }, bezier: false };
        ops.push(Op::DrawLine { line: Line { points: vec![p(r.from), p(r.to)], is_closed: false } });
    }

    // Texts: split into runs per face.
    let mut text_ops = Vec::new();
    for t in &layout.texts {
        let runs = fonts.runs(&t.text, t.weight);
        let ink = t.ink_rect();
        let mut x = ink.x;
        let baseline = h - t.baseline();
        text_ops.push(Op::SetFillColor { col: color(t.ink) });
        for run in runs {
            if font_ids.len() < fonts.faces().len() {
                font_ids.resize(fonts.faces().len(), None);
            }
            let id = match &font_ids[run.face] {
                Some(id) => id.clone(),
                None => {
                    // A name from the page's own text, not printpdf's random one: the subset
                    // tag is its first six letters, and the same page must give the same bytes.
                    let id = printpdf::FontId(font_name(pages, run.face));
                    doc.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(fonts.faces()[run.face].font.clone()));
                    font_ids[run.face] = Some(id.clone());
                    id
                }
            };
            let w = fonts.run_width(&run, t.size);
            text_ops.push(Op::StartTextSection);
            text_ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(t.size) });
            if run.shaped {
                // Each glyph where the shaper put it: joined forms, marks over their letters.
                let mut pen = x;
                for g in fonts.glyphs(&run).iter() {
                    let at = TextMatrix::Translate(Pt(pen + g.dx * t.size), Pt(baseline + g.dy * t.size));
                    text_ops.push(Op::SetTextMatrix { matrix: at });
                    // A glyph standing for no text of its own (a half form) maps to none, not to U+FFFD.
                    let glyph = Codepoint { gid: g.gid, offset: 0.0, cid: Some(g.text.clone().unwrap_or_default()) };
                    text_ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![glyph])] });
                    pen += g.advance * t.size;
                }
            } else {
                text_ops.push(Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(baseline) } });
                text_ops.push(Op::ShowText { items: vec![TextItem::Text(run.text)] });
            }
            text_ops.push(Op::EndTextSection);
            x += w;
        }
    }
    ops.extend(text_ops);
    ops
}

/// FNV-1a over `bytes`, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// printpdf fills the trailer's `/ID` with random strings; the spec asks for a hash of the
/// content, and the same page must give the same bytes. The two hex strings are overwritten in
/// place, character for character (with hex digits, valid in a literal or a hex string), from a
/// hash of everything before the trailer, so no offset moves.
fn with_content_id(mut bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = bytes.windows(3).rposition(|w| w == b"/ID") else { return bytes };
    let mut h = fnv(0xcbf2_9ce4_8422_2325, &bytes[..at]);
    let end = bytes.len().min(at + 200);
    let Some(open) = bytes[at..end].iter().position(|b| *b == b'[').map(|p| at + p) else { return bytes };
    for i in open + 1..end {
        match bytes[i] {
            b']' => break,
            b if b.is_ascii_alphanumeric() => {
                h = h.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                bytes[i] = b"0123456789ABCDEF"[((h >> 33) % 16) as usize];
            }
            _ => {}
        }
    }
    bytes
}

/// 32 capital letters from an FNV-1a hash of the page's text and the face: deterministic, and
/// different for different subsets of one face (PDF subset tags are six capital letters).
fn font_name(pages: &[Layout], face: usize) -> String {
    let mut h = fnv(0xcbf2_9ce4_8422_2325, &face.to_le_bytes());
    for t in pages.iter().flat_map(|p| &p.texts) {
        h = fnv(h, t.text.as_bytes());
        h = fnv(h, &[0]);
    }
    let mut out = String::with_capacity(32);
    let mut x = h;
    for _ in 0..32 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        out.push(char::from(b'A' + ((x >> 33) % 26) as u8));
    }
    out
}

/// printpdf always writes a `/GTS_PDFXVersion` entry in the document information, empty when
/// the file claims no PDF/X conformance; readers such as `pdfinfo` then report the file as
/// PDF/X. The entry is blanked out in place with spaces (whitespace between dictionary entries
/// is insignificant), so every object keeps its byte offset and the cross-reference table stays
/// right.
fn without_empty_pdfx_key(mut bytes: Vec<u8>) -> Vec<u8> {
    for empty in [&b"/GTS_PDFXVersion ()"[..], b"/GTS_PDFXVersion()", b"/GTS_PDFXVersion <>", b"/GTS_PDFXVersion<>"] {
        while let Some(at) = bytes.windows(empty.len()).position(|w| w == empty) {
            bytes[at..at + empty.len()].fill(b' ');
        }
    }
    bytes
}

fn pdf_date(d: NaiveDate) -> printpdf::OffsetDateTime {
    use printpdf::date::{Date, Offset, Time};
    printpdf::OffsetDateTime::new_in_offset(
        Date { year: d.year(), month: d.month() as u8, day: d.day() as u8 },
        Time { hour: 0, minute: 0, second: 0, millisecond: 0 },
        Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}
