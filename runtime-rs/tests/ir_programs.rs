//! Scenario: hand-written LLVM IR programs (tests/ir/*.ll) linked with the runtime by
//! cross-language ThinLTO behave like gc-compiled programs. Skipped when clang-22 is missing.

use std::process::Command;

#[test]
fn ir_programs_link_and_run() {
    if Command::new("clang-22").arg("--version").output().is_err() {
        eprintln!("clang-22 not found: skipped");
        return;
    }
    let dir = env!("CARGO_MANIFEST_DIR");
    let st = Command::new("bash")
        .arg(format!("{dir}/tests/ir/run.sh"))
        .status()
        .expect("run tests/ir/run.sh");
    assert!(st.success(), "tests/ir/run.sh failed");
}
