; A million-deep recursion in a new goroutine works (stacks are large and lazily committed);
; unbounded recursion on main hits the guard region: gc's stack overflow fatal error.
target triple = "x86_64-unknown-linux-gnu"

@done = global i64 0

declare void @rog_newproc(ptr)
declare void @rog_gosched()
declare void @rog_printint(i64)
declare void @rog_printnl()

define i64 @main.rec(ptr nest %ctx, i64 %n) uwtable noinline {
  %buf = alloca [4 x i64]
  store volatile i64 %n, ptr %buf
  %z = icmp eq i64 %n, 0
  br i1 %z, label %base, label %more
base:
  ret i64 0
more:
  %m = sub i64 %n, 1
  %r = call i64 @main.rec(ptr nest null, i64 %m)
  %v = load volatile i64, ptr %buf
  %s = sub i64 %v, %m
  %r1 = add i64 %r, %s
  ret i64 %r1
}

define void @main.deep(ptr nest %ctx) uwtable {
  %r = call i64 @main.rec(ptr nest null, i64 1000000)
  call void @rog_printint(i64 %r)
  call void @rog_printnl()
  store atomic i64 1, ptr @done seq_cst, align 8
  ret void
}

@main.deep.f = private constant { ptr } { ptr @main.deep }

define void @main.main(ptr nest %ctx) uwtable {
entry:
  call void @rog_newproc(ptr @main.deep.f)
  br label %wait
wait:
  call void @rog_gosched()
  %d = load atomic i64, ptr @done seq_cst, align 8
  %z = icmp eq i64 %d, 0
  br i1 %z, label %wait, label %boom
boom:
  %r = call i64 @main.rec(ptr nest null, i64 -1)
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
