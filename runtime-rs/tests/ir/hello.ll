; A hand-written stand-in for compiler output: __rog_program_main calls main.main, which prints
; through the ABI.md §5 entry points. tests/ir/run.sh builds, links and checks it.
target triple = "x86_64-unknown-linux-gnu"

@.hello = private constant [13 x i8] c"hello, world\0A"
@.pi = private constant [2 x i8] c"pi"

declare void @rog_printlock()
declare void @rog_printunlock()
declare void @rog_printstring(ptr, i64)
declare void @rog_printint(i64)
declare void @rog_printuint(i64)
declare void @rog_printfloat(double)
declare void @rog_printfloat32(float)
declare void @rog_printcomplex(double, double)
declare void @rog_printbool(i1 zeroext)
declare void @rog_printpointer(ptr)
declare void @rog_printslice(ptr, i64, i64)
declare void @rog_printeface(ptr, ptr)
declare void @rog_printsp()
declare void @rog_printnl()
declare ptr @rog_alloc(i64, ptr)

define void @main.main(ptr nest %ctx) uwtable {
entry:
  call void @rog_printlock()
  call void @rog_printstring(ptr @.hello, i64 13)
  call void @rog_printunlock()

  ; println("pi", 3.14159, -42, uint64(max), true, float32(0.1), complex(1, -2))
  call void @rog_printlock()
  call void @rog_printstring(ptr @.pi, i64 2)
  call void @rog_printsp()
  call void @rog_printfloat(double 3.14159)
  call void @rog_printsp()
  call void @rog_printint(i64 -42)
  call void @rog_printsp()
  call void @rog_printuint(i64 -1)
  call void @rog_printsp()
  call void @rog_printbool(i1 true)
  call void @rog_printsp()
  call void @rog_printfloat32(float 0x3FB99999A0000000)
  call void @rog_printsp()
  call void @rog_printcomplex(double 1.0, double -2.0)
  call void @rog_printsp()
  call void @rog_printfloat(double 1.0e21)
  call void @rog_printsp()
  call void @rog_printfloat(double 0x7FF0000000000000)
  call void @rog_printnl()
  call void @rog_printunlock()

  ; println(nil pointer, []int(nil), any(nil))
  call void @rog_printlock()
  call void @rog_printpointer(ptr null)
  call void @rog_printsp()
  call void @rog_printslice(ptr null, i64 0, i64 0)
  call void @rog_printsp()
  call void @rog_printeface(ptr null, ptr null)
  call void @rog_printnl()
  call void @rog_printunlock()

  ; p := new(int); *p = 7; println(*p)
  %p = call ptr @rog_alloc(i64 8, ptr null)
  %z = load i64, ptr %p
  %nz = icmp ne i64 %z, 0
  br i1 %nz, label %bad, label %ok
ok:
  store i64 7, ptr %p
  %v = load i64, ptr %p
  call void @rog_printlock()
  call void @rog_printint(i64 %v)
  call void @rog_printnl()
  call void @rog_printunlock()
  ret void
bad:
  unreachable
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
