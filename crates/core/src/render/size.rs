//! Render stage: a number of bytes as a person reads it ("512 bytes", "1.5 KiB", "10 MiB"). Integer
//! arithmetic only: printing a float would cost the page's wasm about 9 KB.

/// `bytes` in the largest binary unit that keeps it at least 1, with one decimal when it has one (rounded
/// to the nearest tenth); below 1 KiB, the exact count.
pub fn describe(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" });
    }
    // Tenths of the unit, rounded half up (1.05 KiB is 1.1 KiB), in the first unit where that is below
    // 1024 (1023.96 KiB reads 1 MiB).
    // In u64 without overflow (the remainder times ten stays far below 2^64); u128 division would add
    // about 1 KB to the page's wasm.
    let tenths_of = |scale: u64| (bytes / scale) * 10 + ((bytes % scale) * 10 + scale / 2) / scale;
    let mut unit = 0;
    let mut scale: u64 = 1024;
    while unit + 1 < UNITS.len() && tenths_of(scale) >= 10240 {
        unit += 1;
        scale *= 1024;
    }
    let tenths = tenths_of(scale);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        format!("{whole} {}", UNITS[unit])
    } else {
        format!("{whole}.{tenth} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn sizes_read_as_a_person_says_them() {
        let cases = [
            (0, "0 bytes"),
            (1, "1 byte"),
            (1023, "1023 bytes"),
            (1024, "1 KiB"),
            (1536, "1.5 KiB"),
            (1075, "1 KiB"),
            (1076, "1.1 KiB"),
            (10 * 1024 * 1024, "10 MiB"),
            (1024 * 1024 - 1, "1 MiB"),
            (3 * 1024 * 1024 * 1024 / 2, "1.5 GiB"),
            (5 << 40, "5 TiB"),
            (u64::MAX, "16777216 TiB"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(describe(bytes), expected, "{bytes}");
        }
    }
}
