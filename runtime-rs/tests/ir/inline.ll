; Allocation hot loops, as codegen emits them, must not call rog_alloc after ThinLTO: its fast
; path inlines into Go code across the language boundary (inline.nocall lists the checks).
;   type node struct { next *node; val int }
;   func noscan() { for i := 0; i < 300000; i++ { sink = new([2]int) } }
;   func scan(n int) *node { var l *node; for i := 0; i < n; i++ { l = &node{l, i} }; return l }
;   func deferring() { defer func(){}(); for ... { sink = new([5]int) } }  // rog_personality
target triple = "x86_64-unknown-linux-gnu"

%Type = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, { ptr, i64 }, ptr }

@.name = private constant [9 x i8] c"main.node"
@.mask = private constant [1 x i8] c"\01"
@"type:main.node" = linkonce_odr constant %Type { i64 16, i64 8, i32 0, i8 1, i8 8, i8 8, i8 25, ptr null, ptr @.mask, { ptr, i64 } { ptr @.name, i64 9 }, ptr null }
@main.sink = global ptr null
@.ok = private constant [3 x i8] c"ok "
@"main.deferring.func1·f" = private global { ptr, ptr, i64, ptr } { ptr @main.deferring.func1, ptr null, i64 0, ptr null }

declare ptr @rog_alloc(i64, ptr)
declare void @rog_printstring(ptr, i64)
declare void @rog_printint(i64)
declare void @rog_printnl()
declare void @rog_deferproc(ptr, ptr)
declare void @rog_deferreturn(ptr)
declare i1 @rog_deferpanic(ptr, ptr)
declare void @rog_panic_resume(ptr) noreturn
declare i32 @rog_personality(...)

define void @main.noscan(ptr nest %ctx) uwtable noinline {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @rog_alloc(i64 16, ptr null)
  store ptr %p, ptr @main.sink
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, 300000
  br i1 %c, label %loop, label %done
done:
  ret void
}

define ptr @main.scan(ptr nest %ctx, i64 %n) uwtable noinline {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %l = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @rog_alloc(i64 16, ptr @"type:main.node")
  store ptr %l, ptr %p
  %vp = getelementptr i8, ptr %p, i64 8
  store i64 %i, ptr %vp
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, %n
  br i1 %c, label %loop, label %done
done:
  ret ptr %p
}

define void @main.deferring.func1(ptr nest %ctx) uwtable {
  ret void
}

define void @main.deferring(ptr nest %ctx) uwtable noinline personality ptr @rog_personality {
entry:
  %frame = alloca i8
  invoke void @rog_deferproc(ptr @"main.deferring.func1·f", ptr %frame) to label %loop unwind label %lpad
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @rog_alloc(i64 40, ptr null)
  store ptr %p, ptr @main.sink
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, 300000
  br i1 %c, label %loop, label %done
done:
  invoke void @rog_deferreturn(ptr %frame) to label %ret unwind label %lpad
ret:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  %exc = extractvalue { ptr, i32 } %lp, 0
  %rec = call i1 @rog_deferpanic(ptr %exc, ptr %frame)
  br i1 %rec, label %done, label %resume
resume:
  call void @rog_panic_resume(ptr %exc)
  unreachable
}

define void @main.main(ptr nest %ctx) uwtable {
entry:
  call void @main.noscan(ptr nest null)
  call void @main.deferring(ptr nest null)
  %l = call ptr @main.scan(ptr nest null, i64 300000)
  br label %walk
walk:
  %p = phi ptr [ %l, %entry ], [ %next, %walk ]
  %sum = phi i64 [ 0, %entry ], [ %sum1, %walk ]
  %vq = getelementptr i8, ptr %p, i64 8
  %v = load i64, ptr %vq
  %sum1 = add i64 %sum, %v
  %next = load ptr, ptr %p
  %end = icmp eq ptr %next, null
  br i1 %end, label %out, label %walk
out:
  call void @rog_printstring(ptr @.ok, i64 3)
  call void @rog_printint(i64 %sum1)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
