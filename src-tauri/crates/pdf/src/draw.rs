//! Turning the laid-out page into PDF bytes with printpdf: subset-embedded fonts, fills, rules,
//! text, and the document's title, author and creation date.
//!
//! Nothing is measured or decided here; the layout already did that. Drawing only converts
//! top-left coordinates to PDF's bottom-left ones.

use crate::fonts::{Fonts, Weight};
use crate::layout::{Ink, Layout};
use chrono::{Datelike, NaiveDate};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
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

/// Draw `layout` into a one-page PDF.
pub fn pdf(layout: &Layout, fonts: &mut Fonts, meta: &Meta) -> Vec<u8> {
    let h = layout.page.h;
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

    // Texts: split into runs per face; add only the faces actually used.
    let mut font_ids: Vec<Option<printpdf::FontId>> = Vec::new();
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
                    let id = doc.add_font(&fonts.faces()[run.face].font);
                    font_ids[run.face] = Some(id.clone());
                    id
                }
            };
            let w = fonts.run_width(&run, t.size);
            text_ops.push(Op::StartTextSection);
            text_ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(t.size) });
            text_ops.push(Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(baseline) } });
            text_ops.push(Op::ShowText { items: vec![TextItem::Text(run.text)] });
            text_ops.push(Op::EndTextSection);
            x += w;
        }
    }
    ops.extend(text_ops);
    let _ = Weight::Regular;
    let page = PdfPage::new(pt_mm(layout.page.w), pt_mm(layout.page.h), ops);
    let opts = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    doc.with_pages(vec![page]).save(&opts, &mut Vec::new())
}

fn pdf_date(d: NaiveDate) -> printpdf::OffsetDateTime {
    use printpdf::date::{Date, Offset, Time};
    printpdf::OffsetDateTime::new_in_offset(
        Date { year: d.year(), month: d.month() as u8, day: d.day() as u8 },
        Time { hour: 0, minute: 0, second: 0, millisecond: 0 },
        Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    )
}
