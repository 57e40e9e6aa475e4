//! What each key does in the outliner, decided apart from the DOM so that it
//! can be tested on its own.

/// An outliner command triggered from a goal's title field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlinerCommand {
    /// Enter: a new sibling right below.
    AddSiblingBelow,
    /// Tab: under the sibling above.
    Indent,
    /// Shift+Tab: out to the parent's level.
    Outdent,
    /// Alt+Up / Alt+Down: one place up or down among siblings.
    MoveUp,
    MoveDown,
    /// Up / Down: to the title above or below (in a title that wraps, from
    /// its start or its end: before that the keys move through its lines).
    FocusPrevious,
    FocusNext,
    /// Backspace in an empty title: remove the goal (it can be undone).
    RemoveEmpty,
    /// Ctrl/Cmd+Enter: done, or open again.
    ToggleDone,
}

/// The keys pressed, as the keydown event reports them.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub shift: bool,
    pub alt: bool,
    /// Ctrl, or Cmd on a Mac.
    pub command: bool,
    /// The title field is empty.
    pub title_empty: bool,
    /// The title wraps onto more than one line.
    pub wraps: bool,
    /// The caret is at the very start (or end) of the title, nothing selected.
    pub caret_at_start: bool,
    pub caret_at_end: bool,
}

pub fn outliner_command(press: KeyPress<'_>) -> Option<OutlinerCommand> {
    use OutlinerCommand::*;
    let plain = !press.shift && !press.alt && !press.command;
    match press.key {
        "Enter" if press.command && !press.alt => Some(ToggleDone),
        "Enter" if plain => Some(AddSiblingBelow),
        "Tab" if !press.alt && !press.command => Some(if press.shift { Outdent } else { Indent }),
        "ArrowUp" if press.alt && !press.shift && !press.command => Some(MoveUp),
        "ArrowDown" if press.alt && !press.shift && !press.command => Some(MoveDown),
        "ArrowUp" if plain && (!press.wraps || press.caret_at_start) => Some(FocusPrevious),
        "ArrowDown" if plain && (!press.wraps || press.caret_at_end) => Some(FocusNext),
        "Backspace" if plain && press.title_empty => Some(RemoveEmpty),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::OutlinerCommand::*;
    use super::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn outliner_keys() {
        assert_eq!(outliner_command(press("Enter")), Some(AddSiblingBelow));
        assert_eq!(outliner_command(press("Tab")), Some(Indent));
        assert_eq!(
            outliner_command(KeyPress {
                shift: true,
                ..press("Tab")
            }),
            Some(Outdent)
        );
        assert_eq!(
            outliner_command(KeyPress {
                alt: true,
                ..press("ArrowUp")
            }),
            Some(MoveUp)
        );
        assert_eq!(
            outliner_command(KeyPress {
                alt: true,
                ..press("ArrowDown")
            }),
            Some(MoveDown)
        );
        assert_eq!(outliner_command(press("ArrowUp")), Some(FocusPrevious));
        assert_eq!(outliner_command(press("ArrowDown")), Some(FocusNext));
        assert_eq!(
            outliner_command(KeyPress {
                command: true,
                ..press("Enter")
            }),
            Some(ToggleDone)
        );
    }

    #[test]
    fn in_a_title_that_wraps_up_and_down_leave_it_from_its_start_and_end() {
        let wrapping = |key| KeyPress {
            wraps: true,
            ..press(key)
        };
        assert_eq!(outliner_command(wrapping("ArrowUp")), None);
        assert_eq!(outliner_command(wrapping("ArrowDown")), None);
        let at_start = KeyPress {
            caret_at_start: true,
            ..wrapping("ArrowUp")
        };
        assert_eq!(outliner_command(at_start), Some(FocusPrevious));
        assert_eq!(
            outliner_command(KeyPress {
                key: "ArrowDown",
                ..at_start
            }),
            None
        );
        let at_end = KeyPress {
            caret_at_end: true,
            ..wrapping("ArrowDown")
        };
        assert_eq!(outliner_command(at_end), Some(FocusNext));
        assert_eq!(
            outliner_command(KeyPress {
                key: "ArrowUp",
                ..at_end
            }),
            None
        );
        // The other keys do what they do in a title of one line.
        assert_eq!(outliner_command(wrapping("Enter")), Some(AddSiblingBelow));
        assert_eq!(
            outliner_command(KeyPress {
                alt: true,
                ..wrapping("ArrowUp")
            }),
            Some(MoveUp)
        );
    }

    #[test]
    fn backspace_removes_only_an_empty_title() {
        assert_eq!(outliner_command(press("Backspace")), None);
        let empty = KeyPress {
            title_empty: true,
            ..press("Backspace")
        };
        assert_eq!(outliner_command(empty), Some(RemoveEmpty));
    }

    #[test]
    fn other_keys_are_left_to_the_browser() {
        assert_eq!(outliner_command(press("a")), None);
        assert_eq!(
            outliner_command(KeyPress {
                shift: true,
                ..press("Enter")
            }),
            None
        );
        assert_eq!(
            outliner_command(KeyPress {
                command: true,
                ..press("Tab")
            }),
            None
        );
        assert_eq!(
            outliner_command(KeyPress {
                shift: true,
                ..press("ArrowUp")
            }),
            None
        );
    }
}
