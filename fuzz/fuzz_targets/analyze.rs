#![no_main]
//! Arbitrary bytes, read as lossy UTF-8, through the whole analyzer.

use libfuzzer_sys::fuzz_target;

use huixi_testkit::check_report;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = huixi::analyze(&text);
    check_report(&text, &report);
});
