//! Hostile files through `text_from_file`, timed: the cases of the issue "Hostile files and
//! careless embedders" at full size (the tests use smaller ones, or stop at the same budget,
//! where the debug build would be slow). For the peak memory, under `/usr/bin/time -v`:
//!
//! ```sh
//! cargo build --release -p huixi-input --example hostile
//! /usr/bin/time -v target/release/examples/hostile br     # 60 MB of <br>
//! /usr/bin/time -v target/release/examples/hostile div    # 1,000,000 nested <div>
//! /usr/bin/time -v target/release/examples/hostile text   # 56 MB of article text in one <p>
//! /usr/bin/time -v target/release/examples/hostile bomb   # a .docx whose text inflates to 1 GB
//! ```

use std::time::Instant;

fn main() {
    let case = std::env::args().nth(1).unwrap_or_default();
    let (bytes, name) = match case.as_str() {
        "br" => ("<br>".repeat(15 << 20).into_bytes(), "a.html"),
        "div" => {
            let n = 1_000_000;
            (format!("{}政法{}", "<div>".repeat(n), "</div>".repeat(n)).into_bytes(), "a.html")
        }
        "text" => (format!("<title>政法</title><p>{}", "政法工作会议召开。\n".repeat(2 << 20)).into_bytes(), "a.html"),
        "bomb" => (bomb(1 << 30), "a.docx"),
        _ => {
            eprintln!("usage: hostile br|div|text|bomb");
            std::process::exit(2);
        }
    };
    let t = Instant::now();
    let r = huixi_input::text_from_file(&bytes, name);
    let secs = t.elapsed().as_secs_f64();
    let size = bytes.len();
    match r {
        Ok(d) => {
            println!("{case}: {size} bytes in, {secs:.2} s, {} chars out, {:?}", d.text.chars().count(), d.warnings)
        }
        Err(e) => println!("{case}: {size} bytes in, {secs:.2} s, error: {e}"),
    }
}

/// A .docx whose `word/document.xml` is `size` spaces, deflated as it streams (the spaces are
/// never all in memory), and whose central directory declares 1000 bytes.
fn bomb(size: usize) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    // Level 1, raw deflate (negative window bits: no zlib wrapper).
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(1, -15, 0));
    let chunk = vec![b' '; 1 << 20];
    let (mut data, mut buf) = (Vec::new(), vec![0u8; 1 << 16]);
    let mut left = size;
    'chunks: loop {
        let n = left.min(chunk.len());
        left -= n;
        let flush = if left == 0 { TDEFLFlush::Finish } else { TDEFLFlush::None };
        let mut input = &chunk[..n];
        loop {
            let (status, used, wrote) = compress(&mut c, input, &mut buf, flush);
            data.extend_from_slice(&buf[..wrote]);
            input = &input[used..];
            match status {
                TDEFLStatus::Done => break 'chunks,
                TDEFLStatus::Okay if input.is_empty() && wrote < buf.len() && left > 0 => break,
                TDEFLStatus::Okay => {}
                s => panic!("deflate: {s:?}"),
            }
        }
    }
    let name = b"word/document.xml";
    // Version, flags, method 8, time, date, CRC-32 (0: not checked before the size), sizes,
    // name length, extra length.
    let fields = |compressed: u32| {
        let mut f = vec![20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0x58, 0, 0, 0, 0];
        f.extend_from_slice(&compressed.to_le_bytes());
        f.extend_from_slice(&1000u32.to_le_bytes());
        f.extend_from_slice(&(name.len() as u16).to_le_bytes());
        f.extend_from_slice(&[0, 0]);
        f
    };
    let compressed = u32::try_from(data.len()).expect("small");
    let mut out = b"PK\x03\x04".to_vec();
    out.extend(fields(compressed));
    out.extend_from_slice(name);
    out.extend_from_slice(&data);
    let cd_at = out.len() as u32;
    out.extend_from_slice(b"PK\x01\x02\x14\x00");
    out.extend(fields(compressed));
    out.extend_from_slice(&[0; 14]); // comment length, disk, attributes, local header offset 0
    out.extend_from_slice(name);
    let cd_len = out.len() as u32 - cd_at;
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\x00\x01\x00");
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}
