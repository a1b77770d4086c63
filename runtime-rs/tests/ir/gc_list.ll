; Builds a 200000-node linked list while allocating garbage, under collections, then checks
; every node: the list must survive (stack root + precise heap tracing), garbage must be freed.
;   type node struct { next *node; val int }
target triple = "x86_64-unknown-linux-gnu"

%Type = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, { ptr, i64 }, ptr }

@.name = private constant [9 x i8] c"main.node"
@.mask = private constant [1 x i8] c"\01"
@"type:main.node" = linkonce_odr constant %Type { i64 16, i64 8, i32 0, i8 1, i8 8, i8 8, i8 25, ptr null, ptr @.mask, { ptr, i64 } { ptr @.name, i64 9 }, ptr null }
@.ok = private constant [3 x i8] c"ok "

declare ptr @rog_alloc(i64, ptr)
declare void @rog_printstring(ptr, i64)
declare void @rog_printint(i64)
declare void @rog_printnl()
declare void @rog_gc()

define void @main.main(ptr nest %ctx) uwtable {
entry:
  br label %build
build:
  %i = phi i64 [ 0, %entry ], [ %i1, %build ]
  %head = phi ptr [ null, %entry ], [ %n, %build ]
  %n = call ptr @rog_alloc(i64 16, ptr @"type:main.node")
  store ptr %head, ptr %n
  %vp = getelementptr i8, ptr %n, i64 8
  store i64 %i, ptr %vp
  ; garbage: 3 pointer-free blocks and one node that nobody keeps
  %g1 = call ptr @rog_alloc(i64 48, ptr null)
  store i64 -1, ptr %g1
  %g2 = call ptr @rog_alloc(i64 200, ptr null)
  store i64 -1, ptr %g2
  %g3 = call ptr @rog_alloc(i64 16, ptr @"type:main.node")
  store ptr %g2, ptr %g3
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, 200000
  br i1 %done, label %check, label %build
check:
  call void @rog_gc()
  br label %walk
walk:
  %p = phi ptr [ %n, %check ], [ %next, %walk ]
  %sum = phi i64 [ 0, %check ], [ %sum1, %walk ]
  %cnt = phi i64 [ 0, %check ], [ %cnt1, %walk ]
  %vq = getelementptr i8, ptr %p, i64 8
  %v = load i64, ptr %vq
  %sum1 = add i64 %sum, %v
  %cnt1 = add i64 %cnt, 1
  %next = load ptr, ptr %p
  %end = icmp eq ptr %next, null
  br i1 %end, label %out, label %walk
out:
  call void @rog_printstring(ptr @.ok, i64 3)
  call void @rog_printint(i64 %cnt1)
  call void @rog_printstring(ptr @.ok, i64 3)
  call void @rog_printint(i64 %sum1)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
