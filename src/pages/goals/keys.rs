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
    /// Up / Down: to the title above or below.
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
        "ArrowUp" if plain => Some(FocusPrevious),
        "ArrowDown" if plain => Some(FocusNext),
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
