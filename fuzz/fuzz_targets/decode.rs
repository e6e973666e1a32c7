#![no_main]
//! Arbitrary bytes as a dropped file: decoding must refuse or succeed, never panic, and whatever
//! it accepts must analyse cleanly.

use libfuzzer_sys::fuzz_target;

use huixi_testkit::check_report;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = huixi_input::decode::decode(data) {
        let report = huixi::analyze(&decoded.text);
        check_report(&decoded.text, &report);
    }
});
