//! Plans in formats people read elsewhere: Markdown to paste anywhere, and an
//! iCalendar file so target dates and reviews come up in the person's own
//! calendar.
//!
//! Both give days as the screens do: calendar days stay as they are, and
//! instants become the day they fell on where the plan is exported.

use super::calendar::{Date, TimeZone, Timestamp, Weekday};
use super::goals::{GoalLevel, GoalTree};
use super::plan::{AssetKind, Goal, GoalStatus, OptionStatus, Plan};
use super::review::review_due;
use std::fmt::Write;

/// The whole plan on one page of Markdown, dated `today`, with the day each
/// goal was done on in `zone`.
pub fn to_markdown(plan: &Plan, today: Date, zone: &dyn TimeZone) -> String {
    let mut out = String::new();
    out.push_str("# My career plan\n\n");
    let _ = writeln!(out, "_From Waypoint, {today}._\n");

    let vision = &plan.vision;
    out.push_str("## Vision\n\n");
    if vision.statement.trim().is_empty() {
        out.push_str("_No vision statement yet._\n\n");
    } else {
        for line in vision.statement.trim().lines() {
            let _ = writeln!(out, "> {}", escape(line));
        }
        out.push('\n');
    }
    let mut facts = Vec::new();
    if let Some(years) = vision.horizon_years {
        facts.push(format!("Horizon: {years} years"));
    }
    if let Some(score) = vision.excitement {
        facts.push(format!("Excitement: {score}/10"));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    for (question, answer) in vision.given_answers() {
        let _ = writeln!(out, "**{question}:** {}\n", inline(answer));
    }
    let facets = vision.success.stated_facets();
    if !facets.is_empty() {
        out.push_str("### What success means to me\n\n");
        for (name, facet) in facets {
            let _ = write!(out, "- {name} (matters {}/5)", facet.weight);
            if !facet.words.trim().is_empty() {
                let _ = write!(out, ": {}", inline(&facet.words));
            }
            out.push('\n');
        }
        out.push('\n');
    }

    if !plan.assets.is_empty() {
        out.push_str("## Leverage\n\n");
        for kind in AssetKind::ALL {
            let assets: Vec<_> = plan.assets.iter().filter(|a| a.kind == kind).collect();
            if assets.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {}\n", kind.label());
            for asset in assets {
                let _ = write!(out, "- {}", inline(&asset.name));
                if let Some(level) = asset.level {
                    let _ = write!(out, " (strength {level}/5)");
                }
                if !asset.note.trim().is_empty() {
                    let _ = write!(out, ": {}", inline(&asset.note));
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }

    let options: Vec<_> = plan
        .options
        .iter()
        .filter(|option| option.status != OptionStatus::SetAside)
        .collect();
    if !options.is_empty() {
        out.push_str("## Options\n\n");
        for option in options {
            let _ = write!(
                out,
                "- **{}** ({}, {})",
                inline(&option.title),
                option.kind.label(),
                option.status.label().to_lowercase()
            );
            if !option.notes.trim().is_empty() {
                let _ = write!(out, ": {}", inline(&option.notes));
            }
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str("## Goals\n\n");
    let tree = GoalTree::new(plan);
    if plan.goals.is_empty() {
        out.push_str("_No goals yet._\n\n");
    } else {
        write_goals(&mut out, &tree, zone, None, 0);
        out.push('\n');
    }
    if let Some(step) = tree.plan_next_step() {
        let _ = writeln!(out, "**Next step:** {}\n", inline(&step.title));
    }

    if !plan.check_ins.is_empty() {
        out.push_str("## Check-ins\n\n");
        for check_in in plan.check_ins.iter().rev() {
            let _ = writeln!(out, "### {}\n", check_in.date);
            for (label, text) in [
                ("What happened", &check_in.what_happened),
                ("What I learned", &check_in.what_i_learned),
                ("What I will change", &check_in.what_i_will_change),
            ] {
                if !text.trim().is_empty() {
                    let _ = writeln!(out, "- {label}: {}", inline(text));
                }
            }
            for change in &check_in.changes {
                let _ = writeln!(out, "- Changed: {}", inline(change));
            }
            out.push('\n');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn write_goals(
    out: &mut String,
    tree: &GoalTree<'_>,
    zone: &dyn TimeZone,
    parent: Option<&super::plan::Id>,
    depth: usize,
) {
    for goal in tree.children(parent) {
        let indent = "  ".repeat(depth);
        let mark = if goal.status == GoalStatus::Done {
            "x"
        } else {
            " "
        };
        let title = inline(&goal.title);
        let title = if goal.status == GoalStatus::Dropped {
            format!("~~{title}~~")
        } else {
            title
        };
        let _ = write!(out, "{indent}- [{mark}] {title}");
        let mut notes = Vec::new();
        if depth == 0 {
            notes.push(GoalLevel::LongTerm.label().to_lowercase());
        }
        if goal.status == GoalStatus::InProgress {
            notes.push("in progress".to_owned());
        }
        if let (GoalStatus::Done, Some(completed)) = (goal.status, goal.completed_at) {
            notes.push(format!("done on {}", completed.local_date(zone)));
        }
        if let Some(date) = goal.target_date {
            notes.push(format!("by {date}"));
        }
        if tree.has_children(&goal.id) {
            if let Some(percent) = tree.progress(&goal.id).percent() {
                notes.push(format!("{percent}% done"));
            }
        }
        if goal.status == GoalStatus::Dropped {
            match goal.dropped_reason.as_deref().map(str::trim) {
                Some(reason) if !reason.is_empty() => {
                    notes.push(format!("dropped: {}", inline(reason)))
                }
                _ => notes.push("dropped".to_owned()),
            }
        }
        if !notes.is_empty() {
            let _ = write!(out, " ({})", notes.join(", "));
        }
        out.push('\n');
        write_goals(out, tree, zone, Some(&goal.id), depth + 1);
    }
}

/// Person's text on one line, with Markdown's own characters escaped so it
/// reads as they wrote it.
fn inline(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '|'
        ) {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

/// Target dates of goals still to be done, and the review rhythm, as an
/// iCalendar file (RFC 5545). Each event has a reminder the day before.
///
/// Every event is a whole day (`VALUE=DATE`, with no time and no zone), so a
/// target date is that day in whichever zone the calendar is read; the next
/// review falls on the day it is due where the file is made (`now` in `zone`),
/// and a weekly rhythm's weeks start on `week_starts_on`.
pub fn to_ics(plan: &Plan, now: Timestamp, zone: &dyn TimeZone, week_starts_on: Weekday) -> String {
    let tree = GoalTree::new(plan);
    let stamp = ics_time(now);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Waypoint//Career plan//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "X-WR-CALNAME:Waypoint career plan".to_owned(),
    ];
    for goal in &plan.goals {
        let (Some(date), true) = (goal.target_date, goal.status.is_active()) else {
            continue;
        };
        let level = GoalLevel::at_depth(tree.depth(&goal.id));
        let mut description = format!("{} in your Waypoint plan.", level.label());
        let path: Vec<&str> = tree
            .ancestors(&goal.id)
            .iter()
            .map(|ancestor| ancestor.title.as_str())
            .collect();
        if !path.is_empty() {
            let _ = write!(description, " Part of: {}.", path.join(" › "));
        }
        if !goal.notes.trim().is_empty() {
            let _ = write!(description, "\n\n{}", goal.notes.trim());
        }
        lines.extend(all_day_event(
            &format!("{}@waypoint", goal.id),
            &stamp,
            date,
            &goal_summary(goal, level),
            &description,
            None,
        ));
    }
    if let (Some(rhythm), Some(due)) = (plan.review_rhythm, review_due(plan, now.local_date(zone)))
    {
        let week_start = ics_weekday(week_starts_on);
        let rule = match rhythm.days() {
            7 => format!("FREQ=WEEKLY;WKST={week_start}"),
            14 => format!("FREQ=WEEKLY;INTERVAL=2;WKST={week_start}"),
            _ => "FREQ=MONTHLY".to_owned(),
        };
        lines.extend(all_day_event(
            "review@waypoint",
            &stamp,
            due.due_on,
            "Review my career plan",
            "Check in with your Waypoint plan: what happened, what you learned, whether the \
             vision is still right, and what you will change.",
            Some(&rule),
        ));
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut text = String::new();
    for line in lines {
        fold_into(&mut text, &line);
    }
    text
}

fn goal_summary(goal: &Goal, level: GoalLevel) -> String {
    match level {
        GoalLevel::Step => goal.title.trim().to_owned(),
        _ => format!("{}: {}", level.label(), goal.title.trim()),
    }
}

fn all_day_event(
    uid: &str,
    stamp: &str,
    date: Date,
    summary: &str,
    description: &str,
    rule: Option<&str>,
) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape_text(uid)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ics_date(date)),
        format!("DTEND;VALUE=DATE:{}", ics_date(date.add_days(1))),
    ];
    if let Some(rule) = rule {
        lines.push(format!("RRULE:{rule}"));
    }
    lines.extend([
        format!("SUMMARY:{}", escape_text(summary)),
        format!("DESCRIPTION:{}", escape_text(description)),
        "TRANSP:TRANSPARENT".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{}", escape_text(summary)),
        "TRIGGER:-P1D".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
    ]);
    lines
}

fn ics_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// An instant in UTC, `20261123T103005Z`: the plan file's form without its
/// separators.
fn ics_time(time: Timestamp) -> String {
    time.to_string().replace(['-', ':'], "")
}

/// RFC 5545's two-letter day codes.
fn ics_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// TEXT values escape backslash, semicolon, comma and line breaks.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// Lines longer than 75 octets continue on the next line after a space,
/// never splitting a character; every line ends with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for character in line.chars() {
        let width = character.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(character);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::test_zones::*;
    use crate::domain::calendar::FixedOffset;
    use crate::domain::goals::{add_goals, drop_goal, mark_done, set_target_date};
    use crate::domain::method::add_asset;
    use crate::domain::plan::{Id, ReviewRhythm};

    const UTC: FixedOffset = FixedOffset::UTC;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T10:30:05Z").unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.vision.statement = "Become a *bestselling* author of children's books".into();
        plan.vision.horizon_years = Some(5);
        plan.vision.want = "To write\nstories".into();
        add_asset(
            &mut plan,
            Id::from("a"),
            AssetKind::Skill,
            "Storytelling",
            now(),
        );
        add_goals(
            &mut plan,
            &[
                ("lt", None, "Publish a picture book"),
                ("st", Some("lt"), "Finish the draft; then edit, twice"),
                ("s1", Some("st"), "Write every morning"),
                ("s2", Some("st"), "Join a <critique> group"),
                ("s3", Some("st"), "Rent a cabin"),
            ],
            now(),
        );
        mark_done(&mut plan, &Id::from("s1"), now()).unwrap();
        drop_goal(&mut plan, &Id::from("s3"), "too costly", now()).unwrap();
        set_target_date(&mut plan, &Id::from("st"), Date::parse("2027-03-31"), now()).unwrap();
        set_target_date(&mut plan, &Id::from("s1"), Date::parse("2026-12-01"), now()).unwrap();
        plan
    }

    #[test]
    fn markdown_holds_the_vision_leverage_and_goal_tree() {
        let text = to_markdown(&plan(), Date::parse("2026-11-23").unwrap(), &UTC);
        assert!(text.starts_with("# My career plan\n\n_From Waypoint, 2026-11-23._\n"));
        assert!(text.contains("> Become a \\*bestselling\\* author of children's books\n"));
        assert!(text.contains("Horizon: 5 years\n"));
        assert!(text.contains("**What I want:** To write stories\n"));
        assert!(text.contains("### Skills\n\n- Storytelling\n"));
        assert!(text.contains("- [ ] Publish a picture book (long-term goal, 50% done)\n"));
        assert!(
            text.contains("  - [ ] Finish the draft; then edit, twice (by 2027-03-31, 50% done)\n")
        );
        assert!(
            text.contains("    - [x] Write every morning (done on 2026-11-23, by 2026-12-01)\n")
        );
        assert!(text.contains("    - [ ] Join a \\<critique\\> group\n"));
        assert!(text.contains("    - [ ] ~~Rent a cabin~~ (dropped: too costly)\n"));
        assert!(text.contains("**Next step:** Join a \\<critique\\> group\n"));
        assert!(text.ends_with(")\n\n**Next step:** Join a \\<critique\\> group\n"));
    }

    #[test]
    fn the_calendar_has_open_dated_goals_and_the_review_rhythm() {
        let mut plan = plan();
        plan.review_rhythm = Some(ReviewRhythm::Fortnightly);
        let text = to_ics(&plan, now(), &UTC, Weekday::Monday);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare line feeds");
        // The done step's date is left out; the open short-term goal is in.
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("UID:st@waypoint\r\n"));
        assert!(text.contains("DTSTAMP:20261123T103005Z\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401\r\n"));
        assert!(
            text.contains("SUMMARY:Short-term goal: Finish the draft\\; then edit\\, twice\r\n")
        );
        assert!(text.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO\r\n"));
        assert!(text.contains("TRIGGER:-P1D\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line too long: {line}");
        }
    }

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold_into(&mut out, &line);
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        for physical in out.split("\r\n") {
            assert!(physical.len() <= 75);
        }
    }

    #[test]
    fn markdown_gives_the_day_a_goal_was_done_where_it_is_exported() {
        let mut plan = Plan::default();
        add_goals(&mut plan, &[("s", None, "Send the letters")], now());
        // 8:30 pm on 28 November in Los Angeles; 29 November in UTC.
        let evening = Timestamp::parse("2026-11-29T04:30:00Z").unwrap();
        mark_done(&mut plan, &Id::from("s"), evening).unwrap();
        let today = evening.local_date(&los_angeles_2026());
        let text = to_markdown(&plan, today, &los_angeles_2026());
        assert!(text.contains("_From Waypoint, 2026-11-28._"), "{text}");
        assert!(text.contains("- [x] Send the letters (long-term goal, done on 2026-11-28)\n"));
        let text = to_markdown(&plan, evening.local_date(&KIRITIMATI), &KIRITIMATI);
        assert!(text.contains("- [x] Send the letters (long-term goal, done on 2026-11-29)\n"));
    }

    #[test]
    fn calendar_days_stay_whole_days_and_the_review_falls_on_the_local_day() {
        let mut plan = plan();
        plan.review_rhythm = Some(ReviewRhythm::Weekly);
        // 8:30 pm on Saturday 28 November in Los Angeles, with no check-in
        // yet: the first review is due that day, not on UTC's 29th.
        let evening = Timestamp::parse("2026-11-29T04:30:00Z").unwrap();
        let text = to_ics(&plan, evening, &los_angeles_2026(), Weekday::Sunday);
        let review = text.split("UID:review@waypoint").nth(1).unwrap();
        assert!(
            review.contains("DTSTART;VALUE=DATE:20261128\r\nDTEND;VALUE=DATE:20261129\r\n"),
            "{review}"
        );
        assert!(review.contains("RRULE:FREQ=WEEKLY;WKST=SU\r\n"));
        assert!(
            text.contains("DTSTAMP:20261129T043000Z\r\n"),
            "the stamp stays UTC"
        );
        let far_east = to_ics(&plan, evening, &KIRITIMATI, Weekday::Monday);
        let review = far_east.split("UID:review@waypoint").nth(1).unwrap();
        assert!(review.contains("DTSTART;VALUE=DATE:20261129\r\n"));
        assert!(review.contains("RRULE:FREQ=WEEKLY;WKST=MO\r\n"));
        // A target date is the same whole day whatever the zone.
        let target_event = |text: &str| {
            let start = text.find("UID:st@waypoint").unwrap();
            let end = start + text[start..].find("END:VEVENT").unwrap();
            text[start..end].to_owned()
        };
        assert_eq!(target_event(&text), target_event(&far_east));
        assert!(target_event(&text).contains("DTSTART;VALUE=DATE:20270331\r\n"));
    }
}
