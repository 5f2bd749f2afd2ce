//! Small numeric helpers that keep the wasm lean: decimal text without the standard library's
//! float formatter (about 15 KB of wasm), a stable sort without one copy of the standard
//! library's sort per call site, and sine and cosine without libm's argument reduction.
//! Each one is checked against the standard library in the tests below.

use std::cmp::Ordering;

/// `x` with exactly `places` decimals (0 to 3), the same text `format!("{x:.places$}")` gives:
/// rounded to nearest, ties to even.
pub fn decimal(x: f32, places: u8) -> String {
    if !x.is_finite() {
        return "?".to_string();
    }
    let scale = 10_f64.powi(i32::from(places.min(3)));
    // An f32 times at most 1000 is exact in an f64, so ties are seen exactly.
    let scaled = f64::from(x).abs() * scale;
    let floor = scaled.floor();
    let mut whole = floor as u64;
    let rest = scaled - floor;
    if rest > 0.5 || (rest == 0.5 && whole % 2 == 1) {
        whole += 1;
    }
    let scale = scale as u64;
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&(whole / scale).to_string());
    if places > 0 {
        out.push('.');
        let fraction = (whole % scale).to_string();
        for _ in fraction.len()..usize::from(places.min(3)) {
            out.push('0');
        }
        out.push_str(&fraction);
    }
    out
}

/// One decimal: the precision every level, gap and coordinate is shown with.
pub fn tenths(x: f32) -> String {
    decimal(x, 1)
}

/// A stable insertion sort. Stagefit sorts at most a few hundred items, and one small generic
/// function costs far less wasm than the standard library's sort instantiated at every call.
pub fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && order(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// `(cos a, sin a)` for any angle, to about 1e-6: plenty for placing chart points.
pub fn cos_sin(angle: f32) -> (f32, f32) {
    use std::f32::consts::PI;
    // Reduce to [-π, π], then use the Taylor series, which converges fast there.
    let a = angle - (angle / (2.0 * PI)).round() * 2.0 * PI;
    let a2 = a * a;
    let mut cos = 1.0;
    let mut sin = 1.0;
    let mut term_c = 1.0_f32;
    let mut term_s = 1.0_f32;
    for k in 1..12 {
        let k = k as f32;
        term_c *= -a2 / ((2.0 * k - 1.0) * (2.0 * k));
        term_s *= -a2 / ((2.0 * k) * (2.0 * k + 1.0));
        cos += term_c;
        sin += term_s;
    }
    (cos, a * sin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_match_the_standard_formatter() {
        let mut samples = vec![
            0.0, 0.05, 0.15, 0.25, 0.35, 1.25, 2.25, 2.75, -0.04, -1.25, 3.999, 4.0, 0.125, 1.005,
            99.95, 110.0, -109.99, 1234.5678,
        ];
        // Every level and gap Stagefit can show: sums of answer values over 1 to 300 answers.
        for n in 1..=12 {
            for sum in 0..=(4 * n) {
                samples.push(sum as f32 / n as f32);
                samples.push(-(sum as f32) / n as f32);
            }
        }
        for i in 0..20_000 {
            samples.push((i as f32 * 0.017_3).sin() * 130.0);
        }
        for x in samples {
            for places in 0..=3 {
                let expected = format!("{x:.*}", usize::from(places));
                assert_eq!(decimal(x, places), expected, "{x} with {places}");
            }
        }
    }

    #[test]
    fn the_sort_is_stable_and_sorts() {
        let mut items: Vec<(u8, usize)> = (0..200).map(|i| ((i * 7 % 13) as u8, i)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|a| a.0);
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, u8::cmp);
    }

    #[test]
    fn cosine_and_sine_match_the_standard_ones() {
        for i in -2000..2000 {
            let a = i as f32 * 0.01;
            let (c, s) = cos_sin(a);
            assert!(
                (c - a.cos()).abs() < 2e-6 && (s - a.sin()).abs() < 2e-6,
                "{a}: {c} {s}"
            );
        }
    }
}
