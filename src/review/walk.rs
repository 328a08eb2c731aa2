//! Takes the new findings of a run, each as the text a reviewer reads, and a
//! terminal; hands on the reviewer's decisions: `a` accept, `d` dismiss (with
//! a note), `s` skip, `q` quit, and `A`, `D`, `S` for every finding left, as
//! `cargo insta review` takes them.
//! Rule that is not obvious: this is the one place the library talks to a
//! person; it does so only through the `Terminal` it is handed, and the
//! caller refuses to start it without a real terminal or under `CI`.

use std::io;

use super::files::Verdict;

/// Where the walk shows text and reads keys.
pub trait Terminal {
    fn show(&mut self, text: &str) -> io::Result<()>;
    /// One key press.
    fn key(&mut self) -> io::Result<char>;
    /// A line typed after `prompt`.
    fn line(&mut self, prompt: &str) -> io::Result<String>;
}

/// The process's terminal, through `console`.
pub struct Console(console::Term);

impl Console {
    pub fn new() -> Console {
        Console(console::Term::stdout())
    }
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

impl Terminal for Console {
    fn show(&mut self, text: &str) -> io::Result<()> {
        self.0.write_str(text)?;
        self.0.flush()
    }
    fn key(&mut self) -> io::Result<char> {
        self.0.read_char()
    }
    fn line(&mut self, prompt: &str) -> io::Result<String> {
        self.0.write_str(prompt)?;
        self.0.flush()?;
        self.0.read_line()
    }
}

/// A decision the reviewer took: the index of the finding, what, and the note.
pub type Choice = (usize, Verdict, Option<String>);

const KEYS: &str = "a accept · d dismiss (with a note) · s skip · q quit · A/D/S: all remaining";

/// Walk `findings` (each an index and its text) and hand on the decisions.
pub fn walk(findings: &[(usize, String)], term: &mut dyn Terminal) -> io::Result<Vec<Choice>> {
    let mut out = Vec::new();
    let n = findings.len();
    let mut k = 0;
    while k < n {
        let (i, text) = &findings[k];
        term.show(&format!("\n[{}/{n}] {text}\n{KEYS}\n> ", k + 1))?;
        let key = term.key()?;
        term.show(&format!("{key}\n"))?;
        match key {
            'a' => out.push((*i, Verdict::Accepted, None)),
            'd' => {
                let note = term.line("note (why it is no real disagreement): ")?;
                out.push((*i, Verdict::Dismissed, Some(note)));
            }
            's' => {}
            'q' => break,
            'A' => {
                out.extend(
                    findings[k..]
                        .iter()
                        .map(|(i, _)| (*i, Verdict::Accepted, None)),
                );
                break;
            }
            'D' => {
                let note = term.line("note for every finding left: ")?;
                out.extend(
                    findings[k..]
                        .iter()
                        .map(|(i, _)| (*i, Verdict::Dismissed, Some(note.clone()))),
                );
                break;
            }
            'S' => break,
            _ => {
                term.show("? that key does nothing here\n")?;
                continue;
            }
        }
        k += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys and lines typed in advance; what was shown is kept.
    struct Scripted {
        keys: Vec<char>,
        lines: Vec<String>,
        shown: String,
    }

    impl Terminal for Scripted {
        fn show(&mut self, text: &str) -> io::Result<()> {
            self.shown.push_str(text);
            Ok(())
        }
        fn key(&mut self) -> io::Result<char> {
            if self.keys.is_empty() {
                return Err(io::Error::other("no more keys"));
            }
            Ok(self.keys.remove(0))
        }
        fn line(&mut self, prompt: &str) -> io::Result<String> {
            self.shown.push_str(prompt);
            Ok(self.lines.remove(0))
        }
    }

    fn findings(n: usize) -> Vec<(usize, String)> {
        (0..n).map(|i| (i * 10, format!("finding {i}"))).collect()
    }

    #[test]
    fn keys_decide_one_finding_each_and_capitals_the_rest() {
        let mut t = Scripted {
            keys: vec!['a', 'x', 's', 'd', 'D'],
            lines: vec!["same toll".into(), "all old".into()],
            shown: String::new(),
        };
        let got = walk(&findings(6), &mut t).expect("walks");
        assert_eq!(
            got,
            vec![
                (0, Verdict::Accepted, None),
                (20, Verdict::Dismissed, Some("same toll".into())),
                (30, Verdict::Dismissed, Some("all old".into())),
                (40, Verdict::Dismissed, Some("all old".into())),
                (50, Verdict::Dismissed, Some("all old".into())),
            ]
        );
        assert!(t.shown.contains("[1/6] finding 0"));
        assert!(t.shown.contains("that key does nothing"));
    }

    #[test]
    fn quit_keeps_what_was_decided() {
        let mut t = Scripted {
            keys: vec!['A'],
            lines: vec![],
            shown: String::new(),
        };
        assert_eq!(walk(&findings(2), &mut t).map(|v| v.len()).ok(), Some(2));
        let mut t = Scripted {
            keys: vec!['a', 'q'],
            lines: vec![],
            shown: String::new(),
        };
        assert_eq!(walk(&findings(3), &mut t).map(|v| v.len()).ok(), Some(1));
    }
}
