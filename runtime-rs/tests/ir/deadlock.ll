; main parks forever with nothing else to run: gc's deadlock fatal error.
target triple = "x86_64-unknown-linux-gnu"

declare void @rog_block()

define void @main.main(ptr nest %ctx) uwtable {
  call void @rog_block()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
