; a := []int{1, 2, 3}; i := 5; _ = a[i]  -> the compiler's bounds check fails.
target triple = "x86_64-unknown-linux-gnu"

declare void @rog_panic_index(i64, i64) noreturn

define void @main.main(ptr nest %ctx) uwtable {
  call void @rog_panic_index(i64 5, i64 3)
  unreachable
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
