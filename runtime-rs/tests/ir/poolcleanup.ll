; sync.Pool's cleanup hook: the registered func runs once per collection.
target triple = "x86_64-unknown-linux-gnu"

@n = global i64 0

declare void @rog_registerpoolcleanup(ptr)
declare void @rog_gc()
declare void @rog_printint(i64)
declare void @rog_printnl()

define void @main.cleanup(ptr nest %ctx) uwtable {
  %v = load i64, ptr @n
  %v1 = add i64 %v, 1
  store i64 %v1, ptr @n
  ret void
}
@main.cleanup.f = private constant { ptr } { ptr @main.cleanup }

define void @main.main(ptr nest %ctx) uwtable {
  call void @rog_registerpoolcleanup(ptr @main.cleanup.f)
  call void @rog_gc()
  call void @rog_gc()
  call void @rog_gc()
  %v = load i64, ptr @n
  call void @rog_printint(i64 %v)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
