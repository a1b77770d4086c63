; x / y with y == 0 -> the compiler's divide check fails.
target triple = "x86_64-unknown-linux-gnu"

declare void @rog_panic_divide() noreturn

define void @main.main(ptr nest %ctx) uwtable {
  call void @rog_panic_divide()
  unreachable
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
