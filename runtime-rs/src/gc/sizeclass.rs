//! Size classes: the object sizes small allocations are rounded up to, and how many pages a span
//! of each class spans. The sizes are gc's (internal/runtime/gc/sizeclasses.go), since they are
//! visible to Go programs: `cap` after `append`, `strings.Builder.Grow`. Objects above
//! [`MAX_SMALL`] get a span of their own.

/// Bytes per heap page.
pub const PAGE: usize = 8192;
pub const PAGE_SHIFT: usize = 13;
/// The largest size served by size classes.
pub const MAX_SMALL: usize = 32768;
/// Number of classes (class 0 is "large").
pub const NCLASSES: usize = 68;

const fn make_sizes() -> [usize; NCLASSES] {
    [
        0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288,
        320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536,
        1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192,
        9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
        27264, 28672, 32768,
    ]
}

/// Object size of each class.
pub static SIZES: [usize; NCLASSES] = make_sizes();

const fn make_small_lut() -> [u8; 129] {
    let sizes = make_sizes();
    let mut lut = [0u8; 129];
    let mut i = 0;
    let mut c = 1;
    while i <= 128 {
        let size = i * 8;
        while sizes[c] < size {
            c += 1;
        }
        lut[i] = c as u8;
        i += 1;
    }
    lut
}

const fn make_large_lut() -> [u8; 257] {
    let sizes = make_sizes();
    let mut lut = [0u8; 257];
    let mut i = 0;
    let mut c = 1;
    while i <= 256 {
        let size = i * 128;
        while sizes[c] < size {
            c += 1;
        }
        lut[i] = c as u8;
        i += 1;
    }
    lut
}

static SMALL_LUT: [u8; 129] = make_small_lut();
static LARGE_LUT: [u8; 257] = make_large_lut();

/// The class for `size` bytes (1..NCLASSES), or 0 when it is a large object.
#[inline(always)]
pub fn class_of(size: usize) -> usize {
    if size <= 1024 {
        SMALL_LUT[(size + 7) >> 3] as usize
    } else if size <= MAX_SMALL {
        LARGE_LUT[(size + 127) >> 7] as usize
    } else {
        0
    }
}

/// Pages in a span of class c: room for at least eight objects, at least one page.
pub fn span_pages(c: usize) -> usize {
    let bytes = (SIZES[c] * 8).max(PAGE);
    bytes.div_ceil(PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_sizes() {
        assert_eq!(SIZES[NCLASSES - 1], MAX_SMALL);
        for size in 1..=MAX_SMALL {
            let c = class_of(size);
            assert!(c > 0 && SIZES[c] >= size, "size {size}");
            assert!(c == 1 || SIZES[c - 1] < size, "size {size} not tight");
        }
        assert_eq!(class_of(MAX_SMALL + 1), 0);
    }
}
