//! Which rows of the goal list to draw, as plain arithmetic tested on the
//! host: the rows on screen and a margin around them, found from each row's
//! height (measured once drawn, guessed until then), and no more new rows in
//! one frame than a frame can draw.

use std::ops::Range;

/// Where each row starts below the top of the list, and (last) the height
/// of the whole list: one more entry than there are rows.
pub(super) fn tops(heights: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let mut tops = vec![0.0];
    let mut top = 0.0;
    for height in heights {
        top += height;
        tops.push(top);
    }
    tops
}

/// The rows that reach into the band from `from` to `to` (measured from the
/// top of the list, like `tops`).
pub(super) fn rows_in(tops: &[f64], from: f64, to: f64) -> Range<usize> {
    let count = tops.len().saturating_sub(1);
    if count == 0 {
        return 0..0;
    }
    // Row i ends where row i + 1 starts.
    let first = tops[1..].partition_point(|&bottom| bottom <= from);
    let end = tops[..count].partition_point(|&top| top < to);
    first.min(count)..end.max(first.min(count))
}

/// The rows to draw now: all of `needed` (the rows on screen), then out
/// from them down to the end of `wanted` and up to its start, taking the
/// rows already drawn as they come and at most `new_rows` others, so that a
/// frame's work stays short however many rows come near the screen at once.
/// Always one range, so that the rows drawn sit together between two blank
/// spaces.
pub(super) fn grow_within(
    wanted: Range<usize>,
    needed: Range<usize>,
    is_drawn: impl Fn(usize) -> bool,
    new_rows: usize,
) -> Range<usize> {
    let clamp = |row: usize| row.clamp(wanted.start, wanted.end);
    let (mut start, mut end) = (
        clamp(needed.start),
        clamp(needed.end).max(clamp(needed.start)),
    );
    let mut budget = new_rows;
    let mut take = |row: usize| {
        if is_drawn(row) {
            true
        } else if budget > 0 {
            budget -= 1;
            true
        } else {
            false
        }
    };
    while end < wanted.end && take(end) {
        end += 1;
    }
    while start > wanted.start && take(start - 1) {
        start -= 1;
    }
    start..end
}

/// A guess at the height of rows not yet drawn, from those measured: the
/// mean for each kind of row (long-term goals, short-term goals, steps),
/// or a starting guess before any was measured.
#[derive(Clone, Debug)]
pub(super) struct HeightGuess {
    sums: [f64; 3],
    counts: [u32; 3],
    starting: [f64; 3],
}

impl HeightGuess {
    pub(super) fn new(starting: [f64; 3]) -> Self {
        Self {
            sums: [0.0; 3],
            counts: [0; 3],
            starting,
        }
    }

    fn kind(depth: usize) -> usize {
        depth.min(2)
    }

    /// Counts a measured row of this depth.
    pub(super) fn learn(&mut self, depth: usize, height: f64) {
        let kind = Self::kind(depth);
        self.sums[kind] += height;
        self.counts[kind] += 1;
    }

    /// Takes back a measurement that a newer one replaces.
    pub(super) fn forget(&mut self, depth: usize, height: f64) {
        let kind = Self::kind(depth);
        if self.counts[kind] > 0 {
            self.sums[kind] -= height;
            self.counts[kind] -= 1;
        }
    }

    pub(super) fn of(&self, depth: usize) -> f64 {
        let kind = Self::kind(depth);
        match self.counts[kind] {
            0 => self.starting[kind],
            count => self.sums[kind] / f64::from(count),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tops_add_up_the_heights() {
        assert_eq!(tops([10.0, 20.0, 5.0]), vec![0.0, 10.0, 30.0, 35.0]);
        assert_eq!(tops([]), vec![0.0]);
    }

    #[test]
    fn rows_in_a_band_include_those_cut_by_its_edges() {
        let tops = tops([10.0, 20.0, 5.0, 40.0]); // 0, 10, 30, 35, 75
        assert_eq!(rows_in(&tops, 0.0, 10.0), 0..1);
        assert_eq!(rows_in(&tops, 5.0, 31.0), 0..3);
        assert_eq!(rows_in(&tops, 10.0, 30.0), 1..2);
        assert_eq!(rows_in(&tops, 36.0, 1000.0), 3..4);
        // Above and below the list: nothing, at the nearest end.
        assert_eq!(rows_in(&tops, -100.0, -50.0), 0..0);
        assert_eq!(rows_in(&tops, 80.0, 100.0), 4..4);
        assert_eq!(rows_in(&[0.0], 0.0, 100.0), 0..0);
    }

    #[test]
    fn growing_takes_the_rows_on_screen_then_drawn_rows_freely_and_few_new_ones() {
        let none_drawn = |_| false;
        assert_eq!(grow_within(0..100, 0..0, none_drawn, 10), 0..10);
        // The rows on screen whatever their number, then down, then up.
        assert_eq!(grow_within(0..100, 50..70, none_drawn, 0), 50..70);
        assert_eq!(grow_within(0..100, 50..50, none_drawn, 10), 50..60);
        assert_eq!(grow_within(40..55, 50..52, none_drawn, 10), 43..55);
        // Rows already drawn cost nothing.
        let drawn = |row: usize| (50..80).contains(&row);
        assert_eq!(grow_within(40..90, 50..51, drawn, 5), 50..85);
        assert_eq!(grow_within(40..90, 50..51, drawn, 100), 40..90);
        // Rows on screen outside the band wanted are cut to it.
        assert_eq!(grow_within(10..20, 90..95, none_drawn, 3), 17..20);
        assert_eq!(grow_within(10..20, 0..15, none_drawn, 0), 10..15);
        assert_eq!(grow_within(0..0, 0..0, none_drawn, 3), 0..0);
    }

    #[test]
    fn the_guess_is_the_mean_of_each_kind() {
        let mut guess = HeightGuess::new([150.0, 100.0, 50.0]);
        assert_eq!(guess.of(0), 150.0);
        assert_eq!(guess.of(3), 50.0);
        guess.learn(2, 40.0);
        guess.learn(3, 60.0);
        assert_eq!(guess.of(2), 50.0);
        guess.forget(3, 60.0);
        assert_eq!(guess.of(2), 40.0);
        guess.forget(2, 40.0);
        guess.forget(2, 40.0);
        assert_eq!(guess.of(2), 50.0, "back to the starting guess");
        assert_eq!(guess.of(1), 100.0);
    }
}
