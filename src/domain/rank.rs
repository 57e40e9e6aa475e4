//! Where a goal stands among its siblings: a short text that sorts between
//! its neighbours' (`"V"`, then `"W"` after it, `"VV"` between the two).
//!
//! Two devices can move and add goals independently and a merge still knows
//! each goal's place, because the place belongs to the goal itself, not to
//! its position in a list: a merge takes each goal's newest version, rank
//! included, and sorts siblings by rank (then by id, for two goals that
//! happen to get the same rank on two devices).
//!
//! A rank is read as a fraction in base 62 (`0`–`9`, `A`–`Z`, `a`–`z`, in
//! that order, which is also the order of their bytes), so text order is
//! number order. No rank ends in `0`, which leaves room below every rank.

use super::plan::{Goal, Id};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;

const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE: u8 = 62;
/// The middle digit, `V`: a first rank leaves as much room below as above.
const MIDDLE: u8 = 31;

/// A goal's place among its siblings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Rank(String);

impl Rank {
    /// The rank of a goal with no siblings.
    pub fn first() -> Self {
        Self::from_digits(&[MIDDLE])
    }

    /// A rank after this one, as short as it can be: appending keeps ranks
    /// to one character for the first thirty siblings, two up to about
    /// ninety, and so on.
    pub fn after(&self) -> Self {
        let digits = self.digits();
        let mut out = Vec::with_capacity(digits.len() + 1);
        for &digit in &digits {
            if digit + 1 < BASE {
                out.push(digit + 1);
                return Self::from_digits(&out);
            }
            out.push(digit);
        }
        out.push(MIDDLE);
        Self::from_digits(&out)
    }

    /// A rank before this one.
    pub fn before(&self) -> Self {
        Self::between(None, Some(self)).expect("every rank has room below it")
    }

    /// A rank strictly between `low` and `high` (either end open), or `None`
    /// when `low` is not below `high`.
    pub fn between(low: Option<&Rank>, high: Option<&Rank>) -> Option<Self> {
        match (low, high) {
            (Some(low), Some(high)) if low >= high => return None,
            (Some(low), None) => return Some(low.after()),
            _ => {}
        }
        let low = low.map(Rank::digits).unwrap_or_default();
        let mut high = high.map(Rank::digits);
        let mut out = Vec::new();
        // Walk both as fractions: copy the digits they share; where they part,
        // take a digit between, or keep low's and go on above the rest of it.
        let mut at = 0;
        loop {
            let low_digit = low.get(at).copied().unwrap_or(0);
            let high_digit = match &high {
                Some(high) => high.get(at).copied().unwrap_or(0),
                None => BASE,
            };
            if high_digit > low_digit + 1 {
                out.push((low_digit + high_digit) / 2);
                return Some(Self::from_digits(&out));
            }
            out.push(low_digit);
            if high_digit == low_digit + 1 {
                // Anything above low's remaining digits fits under high now.
                high = None;
            }
            at += 1;
        }
    }

    /// `count` ranks in order, evenly spread and as short as they can be:
    /// the ranks of goals that had none (a plan from before ranks).
    pub fn spread(count: usize) -> Vec<Self> {
        let mut width = 1;
        let mut room = usize::from(BASE);
        while room <= count {
            width += 1;
            room = room.saturating_mul(usize::from(BASE));
        }
        (1..=count)
            .map(|place| {
                // Evenly placed among `room` slots of `width` digits.
                let mut value = place * room / (count + 1);
                let mut digits = vec![0; width];
                for slot in digits.iter_mut().rev() {
                    *slot = (value % usize::from(BASE)) as u8;
                    value /= usize::from(BASE);
                }
                while digits.len() > 1 && digits.last() == Some(&0) {
                    digits.pop();
                }
                Self::from_digits(&digits)
            })
            .collect()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `text` can be a rank: digits and letters, not ending in `0`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let valid = !bytes.is_empty()
            && bytes.iter().all(u8::is_ascii_alphanumeric)
            && bytes.last() != Some(&b'0');
        valid.then(|| Self(text.to_owned()))
    }

    fn digits(&self) -> Vec<u8> {
        self.0
            .bytes()
            .map(|byte| match byte {
                b'0'..=b'9' => byte - b'0',
                b'A'..=b'Z' => byte - b'A' + 10,
                _ => byte - b'a' + 36,
            })
            .collect()
    }

    fn from_digits(digits: &[u8]) -> Self {
        let text = digits
            .iter()
            .map(|&digit| char::from(DIGITS[usize::from(digit)]))
            .collect();
        Self(text)
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Rank {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RankText;
        impl serde::de::Visitor<'_> for RankText {
            type Value = Rank;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Rank, E> {
                Rank::parse(text).ok_or_else(|| {
                    E::custom(format!(
                        "expected a rank of letters and digits not ending in 0, like \"V\", found {text:?}"
                    ))
                })
            }
        }
        deserializer.deserialize_str(RankText)
    }
}

/// How siblings are ordered: by rank, then by id.
pub fn sibling_order(goal: &Goal) -> (&Rank, &Id) {
    (&goal.rank, &goal.id)
}

/// The goals in outline order: each goal followed by everything under it,
/// siblings by rank (then id). This is the one order a plan keeps its goals
/// in, so that two devices holding the same goals hold the same list. Goals
/// that no top-level goal leads to (their parent missing, or a loop) are kept,
/// last, for the plan's checks to name.
pub fn in_outline_order(goals: Vec<Goal>) -> Vec<Goal> {
    let order = outline_positions(&goals);
    let mut slots: Vec<Option<Goal>> = goals.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|position| slots[position].take().expect("each goal placed once"))
        .collect()
}

/// The positions of `goals` in outline order (see [`in_outline_order`]).
pub fn outline_positions<G: Borrow<Goal>>(goals: &[G]) -> Vec<usize> {
    let goals: Vec<&Goal> = goals.iter().map(Borrow::borrow).collect();
    let count = goals.len();
    let position_of: HashMap<&Id, usize> = goals
        .iter()
        .enumerate()
        .map(|(position, goal)| (&goal.id, position))
        .collect();
    let mut roots = Vec::new();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for (position, goal) in goals.iter().enumerate() {
        match goal
            .parent
            .as_ref()
            .and_then(|parent| position_of.get(parent))
        {
            Some(&parent) => children.entry(parent).or_default().push(position),
            None if goal.parent.is_none() => roots.push(position),
            // Under a goal that is not here: left for the checks.
            None => {}
        }
    }
    let by_rank = |positions: &mut Vec<usize>| {
        positions.sort_by(|&a, &b| sibling_order(goals[a]).cmp(&sibling_order(goals[b])));
    };
    by_rank(&mut roots);
    for siblings in children.values_mut() {
        by_rank(siblings);
    }
    let mut order = Vec::with_capacity(count);
    let mut placed = vec![false; count];
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(position) = stack.pop() {
        if std::mem::replace(&mut placed[position], true) {
            continue;
        }
        order.push(position);
        if let Some(below) = children.get(&position) {
            stack.extend(below.iter().rev());
        }
    }
    order.extend((0..count).filter(|&position| !placed[position]));
    order
}

/// The position of the first goal out of outline order (not right inside
/// its parent's branch, or not after its previous sibling by rank), if any.
/// One pass: the chain of goals whose branches are open is kept on a stack.
pub fn first_out_of_outline_order(goals: &[Goal]) -> Option<usize> {
    // Each open goal, with the last of its children seen so far.
    let mut open: Vec<(&Id, Option<(&Rank, &Id)>)> = Vec::new();
    let mut last_root: Option<(&Rank, &Id)> = None;
    for (position, goal) in goals.iter().enumerate() {
        let key = sibling_order(goal);
        let previous = match &goal.parent {
            None => {
                open.clear();
                &mut last_root
            }
            Some(parent) => {
                while open.last().is_some_and(|(id, _)| *id != parent) {
                    open.pop();
                }
                match open.last_mut() {
                    Some((_, last_child)) => last_child,
                    None => return Some(position),
                }
            }
        };
        if previous.is_some_and(|previous| previous >= key) {
            return Some(position);
        }
        *previous = Some(key);
        open.push((&goal.id, None));
    }
    None
}

/// Gives siblings ranks in the order the list holds them, for goals made
/// without ranks (a plan from before them, or one built in a test).
pub fn rank_in_list_order(goals: &mut [Goal]) {
    let mut siblings: HashMap<Option<Id>, Vec<usize>> = HashMap::new();
    for (position, goal) in goals.iter().enumerate() {
        siblings
            .entry(goal.parent.clone())
            .or_default()
            .push(position);
    }
    for positions in siblings.values() {
        for (position, rank) in positions.iter().zip(Rank::spread(positions.len())) {
            goals[*position].rank = rank;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(text: &str) -> Rank {
        Rank::parse(text).unwrap()
    }

    #[test]
    fn ranks_after_stay_short() {
        let mut ranks = vec![Rank::first()];
        for _ in 0..100 {
            let next = ranks.last().unwrap().after();
            assert!(next > *ranks.last().unwrap());
            ranks.push(next);
        }
        assert_eq!(ranks[0].as_str(), "V");
        assert_eq!(ranks[1].as_str(), "W");
        assert_eq!(ranks[30].as_str(), "z");
        assert_eq!(ranks[31].as_str(), "zV");
        assert!(ranks.iter().all(|rank| rank.as_str().len() <= 4));
    }

    #[test]
    fn a_rank_fits_between_any_two() {
        assert_eq!(Rank::between(None, None), Some(rank("V")));
        assert_eq!(
            Rank::between(Some(&rank("V")), Some(&rank("X"))),
            Some(rank("W"))
        );
        assert_eq!(
            Rank::between(Some(&rank("V")), Some(&rank("W"))),
            Some(rank("VV"))
        );
        assert_eq!(rank("1").before(), rank("0V"));
        assert_eq!(Rank::between(Some(&rank("W")), Some(&rank("W"))), None);
        assert_eq!(Rank::between(Some(&rank("X")), Some(&rank("W"))), None);
        // Squeezing in again and again at the same place.
        let low = rank("V");
        let mut high = rank("W");
        for _ in 0..200 {
            let middle = Rank::between(Some(&low), Some(&high)).unwrap();
            assert!(low < middle && middle < high, "{low} {middle} {high}");
            assert!(Rank::parse(middle.as_str()).is_some());
            high = middle;
        }
    }

    #[test]
    fn spread_ranks_are_in_order_and_short() {
        for count in [0, 1, 2, 10, 61, 62, 500, 4_000] {
            let ranks = Rank::spread(count);
            assert_eq!(ranks.len(), count);
            assert!(ranks.windows(2).all(|pair| pair[0] < pair[1]), "{count}");
            assert!(ranks
                .iter()
                .all(|rank| Rank::parse(rank.as_str()).is_some()));
            let longest = ranks.iter().map(|rank| rank.as_str().len()).max();
            assert!(longest <= Some(3), "{count}: {longest:?}");
        }
        assert_eq!(Rank::spread(1), [rank("V")]);
    }

    #[test]
    fn only_letters_and_digits_not_ending_in_zero_are_ranks() {
        for bad in ["", "V0", "a-b", "é", "V "] {
            assert_eq!(Rank::parse(bad), None, "{bad:?}");
        }
        let error = serde_json::from_str::<Rank>("\"V0\"").unwrap_err();
        assert!(error.to_string().contains("expected a rank"), "{error}");
        assert_eq!(serde_json::from_str::<Rank>("\"V1\"").unwrap(), rank("V1"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn any_rank() -> impl Strategy<Value = Rank> {
        "[0-9A-Za-z]{0,5}[1-9A-Za-z]".prop_map(|text| Rank::parse(&text).unwrap())
    }

    proptest! {
        #[test]
        fn between_lies_strictly_between(a in any_rank(), b in any_rank()) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            match Rank::between(Some(&low), Some(&high)) {
                Some(middle) => {
                    prop_assert!(low < middle && middle < high);
                    prop_assert!(Rank::parse(middle.as_str()).is_some());
                }
                None => prop_assert_eq!(&low, &high),
            }
            let below = low.before();
            prop_assert!(below < low && Rank::parse(below.as_str()).is_some());
            let above = high.after();
            prop_assert!(above > high && Rank::parse(above.as_str()).is_some());
        }
    }
}
