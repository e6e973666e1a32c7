#![no_main]
//! Arbitrary bytes as a dropped file: decoding must refuse or succeed, never panic, and whatever
//! it accepts must analyse cleanly.

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = huixi::decode::decode(data) {
        let report = huixi::analyze(&decoded.text);
        check::check_report(&decoded.text, &report);
    }
});
