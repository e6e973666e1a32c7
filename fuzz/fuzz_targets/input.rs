#![no_main]
//! Arbitrary bytes as a dropped file of each kind the readers take: web page, Word document,
//! no extension. Reading must refuse or succeed, never panic or hang, and whatever it accepts
//! must analyse cleanly.

use libfuzzer_sys::fuzz_target;

use huixi_testkit::check_report;

fuzz_target!(|data: &[u8]| {
    for name in ["page.html", "report.docx", "saved"] {
        if let Ok(decoded) = huixi_input::text_from_file(data, name) {
            // Analysing every accepted text would make the analysis the fuzzer's target again
            // (`decode` covers it); a short one is enough to catch text the core cannot take.
            if decoded.text.len() <= 4096 {
                let report = huixi::analyze(&decoded.text);
                check_report(&decoded.text, &report);
            }
        }
    }
});
