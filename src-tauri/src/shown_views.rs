//! The costed views the plan screen holds, by number, so that a save answers with only the lines
//! whose figures changed.
//!
//! Why: on a 1,000-line plan the view is some 800 KB of JSON. WebKit's IPC carries an answer at
//! about 15–20 ms a megabyte here, and the page then parses it: most of what an edit waits for.
//! An edit changes one line's figures and the totals, so the answer names each unchanged line by
//! its place in the view the screen already holds and sends only the others. The plan of each
//! view is held too: the screen sends its next plan as its changes to that one
//! (`flightplan_core::plan_from_sent_changes`).
//!
//! Every view the shell hands the plan screen (opening, approving, revising, saving) is numbered
//! here; the screen names the number it holds when it saves. A number this shell does not hold
//! any more (another window saved the plan since, or the app restarted) gets the whole view: the
//! answer is never built against a view the screen may not have. Lines are compared as the JSON
//! the screen receives, so a figure written differently (`1.2` and `1.20`) counts as changed.

use flightplan_core::{Error, LineView, Plan, PlanView, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;

/// How many plans' last views are held (a few windows' worth); the oldest goes first.
const PLANS_HELD: usize = 8;

/// A view as the plan screen holds it, with the number it names it by.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SavedView {
    /// This view's number: the next save names it to be answered with only what changes.
    pub view_id: u32,
    /// The costed view. When `kept` is set, `lines` holds only the lines not kept, in order.
    pub view: PlanView,
    /// Set when the save named a view this shell holds: which of its lines are kept.
    pub kept: Option<KeptLines>,
}

/// The lines of a new view that are the same as in the view the screen holds.
#[derive(Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct KeptLines {
    /// The number of the view the indexes refer to.
    pub from: u32,
    /// One entry per line of the new view: the index of the identical line in view `from`, or
    /// null for the next of the lines sent.
    pub lines: Vec<Option<u32>>,
}

/// The last view handed out for each plan (managed state).
#[derive(Default)]
pub struct ShownViews(Mutex<Held>);

#[derive(Default)]
struct Held {
    last_id: u32,
    plans: HashMap<i64, Shown>,
}

/// A view handed out: its number, the plan it is the view of, and each line's id and JSON.
struct Shown {
    view_id: u32,
    plan: Plan,
    lines: Vec<(String, Vec<u8>)>,
}

impl ShownViews {
    /// Number `view` of `plan`, the whole of plan `plan_id`'s view the screen is about to hold.
    pub fn whole(&self, plan_id: i64, plan: &Plan, view: &PlanView) -> Result<u32> {
        Ok(self.hold(plan_id, None, plan.clone(), written(&view.lines)?).0)
    }

    /// The answer to a save of `plan` (plan `plan_id`) from a screen holding view `held` (if
    /// any): its view numbered, with the lines unchanged since `held` named rather than sent.
    pub fn answer(&self, plan_id: i64, held: Option<u32>, plan: Plan, mut view: PlanView) -> Result<SavedView> {
        let (view_id, kept) = self.hold(plan_id, held, plan, written(&view.lines)?);
        let Some(kept) = kept else { return Ok(SavedView { view_id, view, kept: None }) };
        let mut place = kept.lines.iter();
        view.lines.retain(|_| matches!(place.next(), Some(None)));
        Ok(SavedView { view_id, view, kept: Some(kept) })
    }

    /// `read` applied to the plan of view `view_id` of plan `plan_id`, if that is the view held.
    pub fn with_plan<T>(&self, plan_id: i64, view_id: u32, read: impl FnOnce(&Plan) -> T) -> Option<T> {
        let held = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        held.plans.get(&plan_id).filter(|s| s.view_id == view_id).map(|s| read(&s.plan))
    }

    /// Let go of plan `plan_id`'s held view (the plan went to the trash): a screen still naming
    /// it is answered whole.
    pub fn forget(&self, plan_id: i64) {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).plans.remove(&plan_id);
    }

    /// Replace plan `plan_id`'s held view with `plan`'s `lines` under a new number, and which of
    /// the lines are kept from view `held` when that is the view it replaces.
    fn hold(&self, plan_id: i64, held: Option<u32>, plan: Plan, lines: Vec<(String, Vec<u8>)>) -> (u32, Option<KeptLines>) {
        // A panic elsewhere while the lock was held leaves nothing half-written: each change
        // below is one insert.
        let mut shown = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let kept = shown.plans.get(&plan_id).filter(|before| Some(before.view_id) == held).map(|before| kept_lines(before, &lines));
        shown.last_id = shown.last_id.wrapping_add(1).max(1);
        let view_id = shown.last_id;
        if !shown.plans.contains_key(&plan_id) && shown.plans.len() >= PLANS_HELD {
            let oldest = shown.plans.iter().min_by_key(|(_, s)| s.view_id).map(|(id, _)| *id);
            if let Some(oldest) = oldest {
                shown.plans.remove(&oldest);
            }
        }
        shown.plans.insert(plan_id, Shown { view_id, plan, lines });
        (view_id, kept)
    }
}

/// Each line's id and the JSON the screen receives for it.
fn written(lines: &[LineView]) -> Result<Vec<(String, Vec<u8>)>> {
    lines
        .iter()
        .map(|l| {
            let json = serde_json::to_vec(l).map_err(|e| Error::new("internal", format!("line {} could not be written: {e}", l.id)))?;
            Ok((l.id.clone(), json))
        })
        .collect()
}

/// For each new line, the index of the line with the same id and the same JSON in the view held
/// before.
fn kept_lines(before: &Shown, now: &[(String, Vec<u8>)]) -> KeptLines {
    let by_id: HashMap<&str, usize> = before.lines.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    let lines = now
        .iter()
        .map(|(id, json)| {
            let i = *by_id.get(id.as_str())?;
            (before.lines[i].1 == *json).then_some(i).and_then(|i| u32::try_from(i).ok())
        })
        .collect();
    KeptLines { from: before.view_id, lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flightplan_core::{compute, sample_plan};

    fn view_of(plan: &Plan) -> PlanView {
        compute(plan).expect("the sample costs")
    }

    fn ids(lines: &[LineView]) -> Vec<&str> {
        lines.iter().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn a_save_from_the_held_view_sends_only_the_lines_that_changed() {
        let shown = ShownViews::default();
        let mut plan = sample_plan();
        let first = shown.whole(7, &sample_plan(), &view_of(&plan)).unwrap();
        plan.lines[2].rate = Some("9".parse().unwrap());
        let full = view_of(&plan);
        let answer = shown.answer(7, Some(first), sample_plan(), full.clone()).unwrap();
        assert_ne!(answer.view_id, first);
        let kept = answer.kept.expect("answered against the held view");
        assert_eq!(kept.from, first);
        let n = plan.lines.len() as u32;
        let expected: Vec<Option<u32>> = (0..n).map(|i| (i != 2).then_some(i)).collect();
        assert_eq!(kept.lines, expected);
        assert_eq!(ids(&answer.view.lines), vec![plan.lines[2].id.as_str()]);
        assert_eq!(answer.view.lines[0], full.lines[2]);
        assert_eq!(answer.view.totals, full.totals);

        // The next save names the new number; the same figures again keep every line.
        let again = shown.answer(7, Some(answer.view_id), sample_plan(), full).unwrap();
        assert_eq!(again.kept.unwrap().lines, (0..n).map(Some).collect::<Vec<_>>());
        assert!(again.view.lines.is_empty());
    }

    #[test]
    fn a_view_the_shell_does_not_hold_is_answered_whole() {
        let shown = ShownViews::default();
        let plan = sample_plan();
        let view = view_of(&plan);
        let first = shown.whole(7, &sample_plan(), &view).unwrap();
        let second = shown.answer(7, Some(first), sample_plan(), view.clone()).unwrap();
        // `first` was replaced by `second`; a screen still naming it (another window), a number
        // never given, no number, and another plan's view all get the whole view.
        for (plan_id, held) in [(7, Some(first)), (7, Some(999)), (7, None), (8, Some(second.view_id))] {
            let answer = shown.answer(plan_id, held, sample_plan(), view.clone()).unwrap();
            assert_eq!(answer.kept, None, "plan {plan_id} from {held:?}");
            assert_eq!(answer.view, view);
        }
    }

    #[test]
    fn lines_moved_are_found_by_id_and_lines_added_or_removed_put_back_together() {
        let shown = ShownViews::default();
        let mut plan = sample_plan();
        let before = view_of(&plan);
        let first = shown.whole(1, &sample_plan(), &before).unwrap();
        // A line moved with the same figures is kept from its old place.
        let n = plan.lines.len();
        let mut rotated = before.clone();
        rotated.lines.rotate_right(1);
        let moved = shown.answer(1, Some(first), sample_plan(), rotated.clone()).unwrap();
        let kept = moved.kept.unwrap().lines;
        assert_eq!(kept[0], Some(n as u32 - 1));
        assert_eq!(kept[1..], (0..n as u32 - 1).map(Some).collect::<Vec<_>>());
        assert!(moved.view.lines.is_empty());

        // Dropping a line and adding one change every line's share of the budget: whatever is
        // kept and sent, put back together it is the whole view.
        let held = rotated;
        plan.lines.rotate_right(1);
        plan.lines.remove(2);
        plan.scenarios.clear(); // they name the removed line
        let mut copy = plan.lines[1].clone();
        copy.id = "copy".into();
        plan.lines.push(copy);
        let full = view_of(&plan);
        let answer = shown.answer(1, Some(moved.view_id), sample_plan(), full.clone()).unwrap();
        let kept = answer.kept.unwrap().lines;
        assert_eq!(kept.len(), full.lines.len());
        assert_eq!(kept.last(), Some(&None), "the new line is sent");
        let mut sent = answer.view.lines.iter();
        let rebuilt: Vec<&LineView> = kept.iter().map(|k| k.map_or_else(|| sent.next().unwrap(), |i| &held.lines[i as usize])).collect();
        assert_eq!(rebuilt, full.lines.iter().collect::<Vec<_>>());
        assert!(sent.next().is_none());
    }

    #[test]
    fn a_figure_written_differently_counts_as_changed() {
        let shown = ShownViews::default();
        let mut plan = sample_plan();
        let i = plan.lines.iter().position(|l| l.rate.is_some()).unwrap();
        plan.lines[i].rate = Some("1.2".parse().unwrap());
        let first = shown.whole(1, &sample_plan(), &view_of(&plan)).unwrap();
        plan.lines[i].rate = Some("1.20".parse().unwrap());
        let answer = shown.answer(1, Some(first), sample_plan(), view_of(&plan)).unwrap();
        assert_eq!(answer.kept.unwrap().lines[i], None);
        assert_eq!(answer.view.lines[0].rate.as_ref().map(|r| r.to_string()).as_deref(), Some("1.20"));
    }

    #[test]
    fn the_plan_of_the_held_view_is_held_with_it() {
        let shown = ShownViews::default();
        let mut plan = sample_plan();
        let first = shown.whole(3, &plan, &view_of(&plan)).unwrap();
        assert_eq!(shown.with_plan(3, first, |p| p.clone()), Some(plan.clone()));
        plan.name = "Saved since".into();
        let next = shown.answer(3, Some(first), plan.clone(), view_of(&plan)).unwrap().view_id;
        assert_eq!(shown.with_plan(3, next, |p| p.name.clone()).as_deref(), Some("Saved since"));
        assert_eq!(shown.with_plan(3, first, |_| ()), None, "the view before is not held");
        assert_eq!(shown.with_plan(4, next, |_| ()), None, "nor another plan's");
    }

    #[test]
    fn a_plan_forgotten_is_answered_whole_and_others_kept() {
        let shown = ShownViews::default();
        let view = view_of(&sample_plan());
        let (a, b) = (shown.whole(1, &sample_plan(), &view).unwrap(), shown.whole(2, &sample_plan(), &view).unwrap());
        shown.forget(1);
        assert_eq!(shown.with_plan(1, a, |_| ()), None);
        assert_eq!(shown.answer(1, Some(a), sample_plan(), view.clone()).unwrap().kept, None);
        assert!(shown.answer(2, Some(b), sample_plan(), view).unwrap().kept.is_some(), "plan 2 is still held");
    }

    #[test]
    fn the_oldest_plan_is_let_go_past_eight() {
        let shown = ShownViews::default();
        let view = view_of(&sample_plan());
        let held: Vec<u32> = (0..9).map(|plan_id| shown.whole(plan_id, &sample_plan(), &view).unwrap()).collect();
        assert_eq!(shown.answer(0, Some(held[0]), sample_plan(), view.clone()).unwrap().kept, None, "plan 0 was let go");
        assert!(shown.answer(8, Some(held[8]), sample_plan(), view).unwrap().kept.is_some());
    }
}
