//! A panic restores the terminal: the hook leaves the alternate screen, turns mouse
//! capture off and shows the cursor before the panic message.

use std::process::Command;

#[test]
fn panic_hook_restores_the_terminal() {
    if std::env::var_os("ONRECORD_PANIC_CHILD").is_some() {
        onrecord::tui::app::install_panic_hook();
        panic!("boom from the reader");
    }
    // This test's full name in its binary (its module path without the crate's name), so
    // the child runs it alone.
    let (_, module) = module_path!().split_once("::").unwrap();
    let name = format!("{module}::panic_hook_restores_the_terminal");
    let out = Command::new(std::env::current_exe().unwrap())
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env("ONRECORD_PANIC_CHILD", "1")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the child panics");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("\x1b[?1049l"),
        "alternate screen left: {stdout:?}"
    );
    assert!(
        stdout.contains("\x1b[?1000l"),
        "mouse capture off: {stdout:?}"
    );
    assert!(stdout.contains("\x1b[?25h"), "cursor shown: {stdout:?}");
    assert!(
        stderr.contains("boom from the reader"),
        "the message still prints: {stderr}"
    );
}
