; Stack guards made with mprotect (the fallback for kernels before 6.13, forced here by
; stack_mprotect.env): goroutines still start and run, and unbounded recursion in a goroutine
; (not main) hits its guard: gc's stack overflow fatal error, not a write into the next stack.
target triple = "x86_64-unknown-linux-gnu"

@count = global i64 0

declare void @rog_newproc(ptr)
declare void @rog_block()
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

define void @main.small(ptr nest %ctx) uwtable {
  %r = call i64 @main.rec(ptr nest null, i64 1000)
  atomicrmw add ptr @count, i64 %r seq_cst
  ret void
}

define void @main.boom(ptr nest %ctx) uwtable {
  %r = call i64 @main.rec(ptr nest null, i64 -1)
  ret void
}

@main.small.f = private constant { ptr } { ptr @main.small }
@main.boom.f = private constant { ptr } { ptr @main.boom }

define void @main.main(ptr nest %ctx) uwtable {
entry:
  br label %spawn
spawn:
  %i = phi i64 [ 0, %entry ], [ %i1, %spawn ]
  call void @rog_newproc(ptr @main.small.f)
  %i1 = add i64 %i, 1
  %more = icmp slt i64 %i1, 200
  br i1 %more, label %spawn, label %wait
wait:
  call void @rog_gosched()
  %c = load atomic i64, ptr @count seq_cst, align 8
  %done = icmp eq i64 %c, 200000
  br i1 %done, label %report, label %wait
report:
  call void @rog_printint(i64 %c)
  call void @rog_printnl()
  call void @rog_newproc(ptr @main.boom.f)
  call void @rog_block()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
