//! The editor's page (`check --format html`), through the real binary: a card
//! per finding, severity in words, a text alternative for every picture,
//! `-o FILE`, escaped document text, the stylesheet's contrast, and the page
//! driven in Debian's Chromium headless (skipped, loudly, only outside CI when
//! no Chromium is installed).

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use base64::Engine as _;
use serde_json::{Value, json};

const INJECTED: &str = "tests/fixtures/html/injected";
/// A fixed clock for the page's "generated" line (1 June 2025).
const EPOCH: &str = "1748736000";

fn cc() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary builds");
    c.env("SOURCE_DATE_EPOCH", EPOCH).env("LANG", "C.UTF-8");
    c
}

/// The page and exit code of `check --format html ARGS…`.
fn page(args: &[&str]) -> (String, i32) {
    let out = cc()
        .args(["check", "--format", "html"])
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("the page is UTF-8"),
        out.status.code().unwrap_or(-1),
    )
}

fn json_report(args: &[&str]) -> Value {
    let out = cc()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// Text as the template's auto-escaping writes it.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// The parts of `page` from each `<article` to its `</article>`.
fn cards(page: &str) -> Vec<&str> {
    page.match_indices("<article")
        .map(|(at, _)| {
            let end = page[at..].find("</article>").map_or(page.len(), |e| at + e);
            &page[at..end]
        })
        .collect()
}

/// What sits between `open` and the next `close` after it.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

#[test]
fn every_finding_has_a_card_with_its_severity_in_words_and_its_figures_in_text() {
    let report = json_report(&["data/"]);
    let findings = report["discrepancies"].as_array().expect("discrepancies");
    assert!(!findings.is_empty());
    let (html, code) = page(&["data/"]);
    assert_eq!(code, 1, "findings fail the run as in every format");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let cards = cards(&html);
    assert_eq!(cards.len(), findings.len());
    let quote = |id: &str| {
        report["claims"]
            .as_array()
            .and_then(|cs| cs.iter().find(|c| c["id"] == id))
            .and_then(|c| c["quote"].as_str())
            .map(String::from)
            .expect("every claim of a finding is listed")
    };
    for (card, d) in cards.iter().zip(findings) {
        let id = d["id"].as_str().expect("id");
        let severity = d["severity"].as_str().expect("severity");
        assert!(card.contains(&format!("id=\"{id}\"")), "{id}");
        assert!(card.contains(&format!("href=\"#{id}\"")), "a link to {id}");
        // the severity's word and symbol, not only its colour
        let badge_text = between(card, &format!("class=\"badge {severity}\">"), "\n")
            .expect("the badge names its severity");
        assert!(badge_text.contains(severity), "{badge_text}");
        assert!(
            ["✕", "≠", "↑"].iter().any(|s| badge_text.contains(s)),
            "{badge_text}"
        );
        assert!(card.contains(&format!(
            "confidence: {}",
            d["confidence"].as_str().unwrap_or("?")
        )));
        assert!(
            card.contains("status: new"),
            "no review layer: every finding is new"
        );
        // the picture's text alternative states every figure
        let desc = between(card, "<desc", "</desc>").expect("a text alternative");
        assert!(card.contains("role=\"img\""));
        assert!(between(card, "<title", "</title>").is_some());
        for claim in d["claims"].as_array().expect("claims") {
            let q = quote(claim.as_str().unwrap_or_default());
            assert!(desc.contains(&escaped(&q)), "{id}: {q:?} not in {desc}");
            assert!(
                card.contains(&format!("<mark>{}</mark>", escaped(&q))),
                "{q:?}"
            );
        }
    }
    // the summary counts the cards by severity and by status
    let contradictions = report["totals"]["contradictions"].as_u64().unwrap_or(0);
    assert!(html.contains(&format!("<b>{contradictions}</b> ✕ contradiction")));
    assert!(html.contains(&format!("<b>{}</b> new", findings.len())));
    assert!(html.contains(
        "Generated 2025-06-01 00:00 UTC by <code>crosscheck check --format html data&#x2f;</code>"
    ));
}

#[test]
fn pictures_draw_open_bounds_as_arrows_exact_figures_as_points() {
    let (html, _) = page(&["data/"]);
    // "at least 312" (open above) and "240" (exact) in one finding
    let card = cards(&html)
        .into_iter()
        .find(|c| c.contains("at least 312"))
        .expect("the clashes finding");
    let desc = between(card, "<desc", "</desc>").unwrap_or_default();
    assert!(desc.contains("312 or more, open above"), "{desc}");
    assert!(desc.contains("exactly 240"), "{desc}");
    assert!(card.contains("data-shape=\"open\""));
    assert!(card.contains("<polygon class=\"mark\""));
    assert!(card.contains("data-shape=\"point\""));
    assert!(card.contains("data-kind=\"number line\""));
    let dated = cards(&html)
        .into_iter()
        .find(|c| c.contains("\">date of talks</h2>"))
        .expect("the talks finding");
    assert!(dated.contains("data-kind=\"timeline\""));
    assert!(dated.contains("on 5 Nov 2024"), "{dated}");
}

#[test]
fn document_text_shows_as_text_and_runs_nothing() {
    let (html, code) = page(&[INJECTED]);
    assert_eq!(code, 1, "the fixture's sources disagree");
    assert_eq!(cards(&html).len(), 1);
    // the page's one script, and no other element from the documents
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<img"));
    assert!(!html.contains("<a href=\"javascript"));
    assert!(!html.contains("href=\"javascript"));
    assert!(!html.contains("<!-- editors"));
    // … but all of it there to read
    assert!(html.contains(
        "&lt;script&gt;window.__pwned = 1; document.title = &quot;pwned&quot;;&lt;&#x2f;script&gt;"
    ));
    assert!(html.contains("&lt;a href=&quot;javascript:window.__pwned=2&quot;&gt;"));
    assert!(html.contains("&lt;!-- editors: hold the names --&gt;"));
    assert!(html.contains("&lt;script&gt;window.__pwned = 3&lt;&#x2f;script&gt;Quay Gazette"));
    assert!(html.contains("&lt;img src=x onerror=&quot;window.__pwned = 4&quot;&gt;"));
    // the policy fetches nothing and lets run only the script it names
    let csp = between(
        &html,
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    )
    .expect("a policy")
    .replace("&#x27;", "'")
    .replace("&#x2f;", "/");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let script = between(&html, "<script>", "</script>").expect("the script");
    let hash = base64::engine::general_purpose::STANDARD
        .encode(<sha2::Sha256 as sha2::Digest>::digest(script.as_bytes()));
    assert!(
        csp.contains(&format!("script-src 'sha256-{hash}'")),
        "{csp}"
    );
}

#[test]
fn dash_o_writes_the_page_to_a_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.html");
    let out = cc()
        .args(["check", "--format", "html", "-o"])
        .arg(&file)
        .arg("data/")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).expect("the file is written");
    let (html, _) = page(&["data/"]);
    // the same page, bar the command line it names
    let after_command = |p: &str| p.split_once("</code>").map(|(_, rest)| rest.to_string());
    assert!(after_command(&written).is_some());
    assert_eq!(after_command(&written), after_command(&html));
    // only the report is left in the folder: no temporary file
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listing")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
    // any format can go to a file
    let json = dir.path().join("report.json");
    cc().args(["check", "--format", "json", "-o"])
        .arg(&json)
        .arg("data/")
        .assert()
        .code(1)
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap_or_default())
        .expect("JSON in the file");
    assert!(v["discrepancies"].is_array());
    // a folder that is not there is trouble, told
    let out = cc()
        .args(["check", "--format", "html", "-o"])
        .arg(dir.path().join("no/such/folder/r.html"))
        .arg("data/")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("temporary file"));
}

#[test]
fn a_decided_finding_shows_its_status_and_note_and_starts_filtered_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = dir.path().join("story");
    std::fs::create_dir(&story).expect("folder");
    for entry in std::fs::read_dir(INJECTED).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, story.join(path.file_name().unwrap_or_default())).expect("copy");
    }
    let story_arg = story.to_str().unwrap_or_default();
    let id = json_report(&[story_arg])["discrepancies"][0]["id"]
        .as_str()
        .expect("a finding")
        .to_string();
    let review = dir.path().join("review.json");
    cc().args([
        "review",
        story_arg,
        "--dismiss",
        &id,
        "--note",
        "two <b>counts</b>",
    ])
    .args(["--by", "A. Editor", "--review-file"])
    .arg(&review)
    .assert()
    .success();
    let review_arg = review.to_str().unwrap_or_default();
    let (html, code) = page(&["--review-file", review_arg, story_arg]);
    assert_eq!(code, 0, "a dismissed finding fails nothing");
    let cards = cards(&html);
    assert_eq!(cards.len(), 1, "decided findings are on the page");
    assert!(cards[0].contains("data-status=\"dismissed\""));
    assert!(cards[0].contains("status: dismissed"));
    assert!(cards[0].contains("Decided by A. Editor"));
    assert!(cards[0].contains(": two &lt;b&gt;counts&lt;&#x2f;b&gt;</p>"));
    assert!(html.contains("<b>1</b> dismissed"));
    // its status box starts unchecked, unless --show-decided
    assert!(html.contains("id=\"f-status-dismissed\">"));
    assert!(html.contains("id=\"f-status-new\" checked>"));
    let (shown, _) = page(&["--show-decided", "--review-file", review_arg, story_arg]);
    assert!(shown.contains("id=\"f-status-dismissed\" checked>"));
}

#[test]
fn claims_has_no_page() {
    let out = cc()
        .args(["claims", "--format", "html", "data/"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format html"));
}

#[test]
fn no_finding_makes_a_page_that_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "Nothing here is counted.").expect("write");
    let (html, code) = page(&[dir.path().to_str().unwrap_or_default()]);
    assert_eq!(code, 0);
    assert!(cards(&html).is_empty());
    assert!(html.contains("No discrepancies"));
}

/// A rule of the stylesheet: the at-rule it sits in, its selector, its
/// declarations as (property, value).
type Rule = (String, String, Vec<(String, String)>);

fn css_rules(css: &str) -> Vec<Rule> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    text.push_str(rest);
    let mut rules = Vec::new();
    let mut at: Vec<String> = Vec::new();
    let mut selector: Option<String> = None;
    let mut buf = String::new();
    for ch in text.chars() {
        match ch {
            '{' => {
                let prelude = buf.trim().to_string();
                buf.clear();
                if prelude.starts_with('@') {
                    at.push(prelude);
                } else {
                    selector = Some(prelude);
                }
            }
            '}' => {
                match selector.take() {
                    Some(sel) => {
                        let decls = buf
                            .split(';')
                            .filter_map(|d| d.split_once(':'))
                            .map(|(p, v)| (p.trim().to_string(), v.trim().to_string()))
                            .collect();
                        rules.push((at.join(" "), sel, decls));
                    }
                    None => {
                        at.pop();
                    }
                }
                buf.clear();
            }
            _ => buf.push(ch),
        }
    }
    rules
}

/// The first `#rrggbb` or `#rgb` of a value, as RGB.
fn hex_colour(v: &str) -> Option<[u8; 3]> {
    let h = v.split_whitespace().find(|w| w.starts_with('#'))?;
    let h = h.trim_start_matches('#').trim_end_matches(['!', ',']);
    let h: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 contrast ratio of two colours.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let lum = |c: [u8; 3]| {
        let ch = |x: u8| {
            let s = f64::from(x) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn every_text_colour_of_the_stylesheet_passes_wcag_aa_on_its_background() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
    assert!((contrast([119, 119, 119], [255, 255, 255]) - 4.48).abs() < 0.01);
    assert!((contrast([10, 20, 30], [10, 20, 30]) - 1.0).abs() < 1e-9);
    // the stylesheet as the page carries it
    let (html, _) = page(&["data/"]);
    let css = between(&html, "<style>", "</style>").expect("inline stylesheet");
    let rules = css_rules(css);
    assert!(rules.len() > 30, "{} rules", rules.len());
    let mut pairs = 0;
    let mut failures = Vec::new();
    for (at, selector, decls) in &rules {
        let get = |names: &[&str]| {
            decls
                .iter()
                .find(|(p, _)| names.contains(&p.as_str()))
                .and_then(|(_, v)| hex_colour(v))
        };
        let fg = get(&["color", "fill"]);
        let bg = get(&["background", "background-color", "--on"]);
        match (fg, bg) {
            (Some(f), Some(b)) => {
                pairs += 1;
                let ratio = contrast(f, b);
                if ratio < 4.5 {
                    failures.push(format!("{at} {selector}: {ratio:.2}:1"));
                }
            }
            (Some(_), None) => {
                failures.push(format!("{at} {selector}: a colour on no stated background"))
            }
            (None, Some(_)) => failures.push(format!(
                "{at} {selector}: a background with no stated colour"
            )),
            (None, None) => {}
        }
    }
    assert!(failures.is_empty(), "below WCAG AA (4.5:1): {failures:#?}");
    assert!(pairs >= 30, "only {pairs} colour pairs found");
}

#[test]
fn the_print_stylesheet_hides_the_filters_and_keeps_every_card() {
    let (html, _) = page(&["data/"]);
    let css = between(&html, "<style>", "</style>").expect("inline stylesheet");
    let print: Vec<_> = css_rules(css)
        .into_iter()
        .filter(|(at, _, _)| at.starts_with("@media print"))
        .collect();
    let rule = |part: &str| {
        print
            .iter()
            .find(|(_, sel, _)| sel.split(',').any(|s| s.trim() == part))
            .map(|(_, _, d)| d.clone())
            .unwrap_or_default()
    };
    let display = |part: &str| {
        rule(part)
            .into_iter()
            .find(|(p, _)| p == "display")
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    assert!(display(".filters").starts_with("none"));
    assert!(display(".card[hidden]").starts_with("block"));
}

// ---- the page in a browser ----

/// Chromium and its driver, from `CROSSCHECK_CHROMIUM` and
/// `CROSSCHECK_CHROMEDRIVER` or where Debian puts them.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let find = |var: &str, default: &str| {
        let p = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
        p.is_file().then_some(p)
    };
    Some((
        find("CROSSCHECK_CHROMIUM", "/usr/bin/chromium")?,
        find("CROSSCHECK_CHROMEDRIVER", "/usr/bin/chromedriver")?,
    ))
}

/// A WebDriver session over plain HTTP; ends the session and the driver when dropped.
struct Driver {
    agent: ureq::Agent,
    base: String,
    session: String,
    child: std::process::Child,
    profile: tempfile::TempDir,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Driver {
    fn start(chromium: &Path, chromedriver: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = std::process::Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(120)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let profile = tempfile::tempdir().expect("a fresh profile folder");
        let mut driver = Driver {
            agent,
            base,
            session: String::new(),
            child,
            profile,
        };
        // the driver takes a moment to listen: ask until it is ready (at most a minute)
        let ready = (0..600).any(|_| {
            let ok = driver
                .agent
                .get(format!("{}/status", driver.base))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .and_then(|s| serde_json::from_str::<Value>(&s).ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if !ok {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            ok
        });
        assert!(ready, "chromedriver never became ready");
        let args = json!([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-quic",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,1600",
            format!("--user-data-dir={}", driver.profile.path().display()),
        ]);
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let v = driver.call("POST", "/session", Some(caps));
        driver.session = v["sessionId"].as_str().expect("a session id").to_string();
        driver
    }

    /// A WebDriver command: its `value`, or a failed test naming the error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        let response = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.unwrap_or_else(|| json!({})).to_string()),
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let text = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
        assert!(
            v["value"].get("error").is_none(),
            "{method} {path}: {}",
            v["value"]
        );
        v["value"].clone()
    }

    fn open(&self, file: &Path) {
        let url = format!("file://{}", file.display());
        self.call("POST", "/url", Some(json!({"url": url})));
    }

    fn eval(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    fn click(&self, css: &str) {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = el[ELEMENT].as_str().expect("an element").to_string();
        self.call("POST", &format!("/element/{id}/click"), None);
    }

    fn key(&self, key: &str) {
        self.call(
            "POST",
            "/actions",
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]}),
            ),
        );
    }

    fn media(&self, media: &str) {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}})),
        );
    }

    fn screenshot(&self) -> Vec<u8> {
        let b64 = self.call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .expect("a PNG in base64")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let url = format!("{}/session/{}", self.base, self.session);
            let _ = self.agent.delete(&url).call();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Which cards are drawn, by id.
const VISIBLE: &str = "return Array.from(document.querySelectorAll('article.card'))\
    .filter(c => getComputedStyle(c).display !== 'none')\
    .map(c => [c.id, c.dataset.severity]);";

fn write_page(dir: &Path, name: &str, input: &str) -> PathBuf {
    let file = dir.join(name);
    // named from the package's folder where it can be, so the page (and the
    // screenshot in docs/) shows no folder of this machine
    let here = std::env::current_dir().expect("the package's folder");
    let named = file.strip_prefix(&here).unwrap_or(&file);
    cc().args(["check", "--format", "html", "-o"])
        .arg(named)
        .arg(input)
        .assert()
        .code(1);
    file.canonicalize().expect("the page is written")
}

#[test]
fn the_page_works_in_a_browser() {
    let Some((chromium, chromedriver)) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI: Chromium and chromedriver are needed (apt-get install -y chromium chromium-driver)"
        );
        eprintln!(
            "\n\n******** SKIPPED the_page_works_in_a_browser: no /usr/bin/chromium or \
             /usr/bin/chromedriver (apt-get install -y chromium chromium-driver) ********\n\n"
        );
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-page");
    std::fs::create_dir_all(&dir).expect("a folder under target/");
    let report = json_report(&["data/"]);
    let findings = report["discrepancies"].as_array().expect("findings");
    let data_page = write_page(&dir, "report.html", "data/");
    let injected_page = write_page(&dir, "injected.html", INJECTED);

    let driver = Driver::start(&chromium, &chromedriver);
    driver.open(&data_page);
    // the script ran (the policy allowed it): the filters are shown
    assert_eq!(
        driver.eval("return document.getElementById('filters').hidden"),
        json!(false)
    );
    assert_eq!(
        driver.eval("return document.querySelectorAll('article.card').length"),
        json!(findings.len())
    );
    let all = driver.eval(VISIBLE);
    assert_eq!(all.as_array().map(Vec::len), Some(findings.len()));

    // a screenshot for a person to look at (and, asked, the one in docs/)
    let png = driver.screenshot();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(dir.join("report-page.png"), &png).expect("screenshot saved");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write("docs/report-page.png", &png).expect("docs screenshot saved");
    }

    // the severity filter: only contradictions left
    let contradictions = findings
        .iter()
        .filter(|d| d["severity"] == "contradiction")
        .count();
    assert!(
        contradictions < findings.len(),
        "data/ has other severities"
    );
    driver.click("#f-severity-divergence");
    driver.click("#f-severity-update");
    let shown = driver.eval(VISIBLE);
    let shown = shown.as_array().expect("cards");
    assert_eq!(shown.len(), contradictions);
    assert!(shown.iter().all(|c| c[1] == "contradiction"), "{shown:?}");
    assert_eq!(
        driver.eval("return document.getElementById('shown').textContent"),
        json!(format!(
            "{contradictions} of {} findings shown",
            findings.len()
        ))
    );

    // j and k move between the cards shown, and the address names the card
    driver.eval("document.activeElement.blur(); window.scrollTo(0, 0);");
    let first = shown[0][0].as_str().unwrap_or_default().to_string();
    let second = shown[1][0].as_str().unwrap_or_default().to_string();
    driver.key("j");
    assert_eq!(
        driver.eval("return document.activeElement.id"),
        json!(first)
    );
    driver.key("j");
    assert_eq!(
        driver.eval("return document.activeElement.id"),
        json!(second)
    );
    assert_eq!(
        driver.eval("return location.hash"),
        json!(format!("#{second}"))
    );
    driver.key("k");
    assert_eq!(
        driver.eval("return document.activeElement.id"),
        json!(first)
    );

    // printing: no filters, every card, also those the filters hid
    driver.media("print");
    assert_eq!(
        driver.eval("return getComputedStyle(document.getElementById('filters')).display"),
        json!("none")
    );
    assert_eq!(
        driver.eval(VISIBLE).as_array().map(Vec::len),
        Some(findings.len())
    );
    driver.media("");

    // a link to a card the filters hide shows it
    let hidden = findings
        .iter()
        .find(|d| d["severity"] != "contradiction")
        .and_then(|d| d["id"].as_str())
        .expect("a finding filtered out");
    driver.eval(&format!("location.hash = '#{hidden}';"));
    let ids = driver.eval(VISIBLE);
    assert!(
        ids.as_array()
            .is_some_and(|v| v.iter().any(|c| c[0] == hidden)),
        "{hidden} not shown after following its link"
    );

    // the injected document: shown as text, nothing of it runs
    driver.open(&injected_page);
    assert_eq!(
        driver.eval("return typeof window.__pwned"),
        json!("undefined")
    );
    assert_eq!(driver.eval("return document.scripts.length"), json!(1));
    assert_eq!(
        driver.eval(
            "return document.querySelectorAll('img, a[href^=\"javascript\"], [onerror]').length"
        ),
        json!(0)
    );
    let title = driver.eval("return document.title");
    assert!(
        title.as_str().is_some_and(|t| t.starts_with("crosscheck")),
        "{title}"
    );
    let text = driver.eval("return document.querySelector('article.card').textContent");
    let text = text.as_str().unwrap_or_default();
    for shown in [
        "<script>window.__pwned = 1;",
        "<a href=\"javascript:window.__pwned=2\">",
        "<!-- editors: hold the names -->",
        "<script>window.__pwned = 3</script>Quay Gazette",
        "<img src=x onerror=\"window.__pwned = 4\">",
    ] {
        assert!(text.contains(shown), "{shown:?} not shown as text");
    }
    // and the page's own script still ran
    assert_eq!(
        driver.eval("return document.getElementById('filters').hidden"),
        json!(false)
    );
    std::fs::write(dir.join("injected.png"), driver.screenshot()).expect("screenshot saved");
}

#[test]
fn a_unit_measure_is_named_in_words_on_the_card() {
    // a finding keyed by a unit ("mi") says what the unit measures, as its label does
    let (html, _) = page(&["tests/fixtures/pipeline/distances"]);
    assert!(
        html.contains("<dt>Measure</dt><dd>distance in miles"),
        "the card's measure row shows the unit code"
    );
    assert!(
        !html.contains("<dt>Measure</dt><dd>mi<"),
        "a raw unit as the measure"
    );
}
