// Environments and the evaluator: special forms, procedure calls, and tail calls (a call in
// tail position reuses the evaluator's loop instead of growing the Go stack).
package main

// env is one scope. The global scope keeps its variables in a map; a procedure call's scope is
// a short list searched linearly.
type env struct {
	names []*symbol
	vals  []value
	table map[*symbol]value
	outer *env
}

func (e *env) lookup(s *symbol) value {
	for f := e; f != nil; f = f.outer {
		if f.table != nil {
			if v, ok := f.table[s]; ok {
				return v
			}
			continue
		}
		for i, n := range f.names {
			if n == s {
				return f.vals[i]
			}
		}
	}
	panic("unbound variable: " + s.name)
}

func (e *env) define(s *symbol, v value) {
	if e.table != nil {
		e.table[s] = v
		return
	}
	for i, n := range e.names {
		if n == s {
			e.vals[i] = v
			return
		}
	}
	e.names = append(e.names, s)
	e.vals = append(e.vals, v)
}

func (e *env) set(s *symbol, v value) {
	for f := e; f != nil; f = f.outer {
		if f.table != nil {
			if _, ok := f.table[s]; ok {
				f.table[s] = v
				return
			}
			continue
		}
		for i, n := range f.names {
			if n == s {
				f.vals[i] = v
				return
			}
		}
	}
	panic("set!: unbound variable: " + s.name)
}

var (
	symQuote  = intern("quote")
	symIf     = intern("if")
	symDefine = intern("define")
	symSet    = intern("set!")
	symLambda = intern("lambda")
	symBegin  = intern("begin")
	symLet    = intern("let")
	symCond   = intern("cond")
	symElse   = intern("else")
	symAnd    = intern("and")
	symOr     = intern("or")
	symDot    = intern(".")
)

type interpreter struct {
	global *env
}

func newInterpreter() *interpreter {
	in := &interpreter{global: &env{table: map[*symbol]value{}}}
	installBuiltins(in.global)
	return in
}

func truthy(v value) bool {
	b, ok := v.(boolean)
	return !ok || bool(b)
}

func car(v value) value {
	p, ok := v.(*pair)
	if !ok {
		panic("car: not a pair: " + show(v))
	}
	return p.head
}

func cdr(v value) value {
	p, ok := v.(*pair)
	if !ok {
		panic("cdr: not a pair: " + show(v))
	}
	return p.tail
}

// eval evaluates x in e. Forms in tail position set x and e and go round the loop.
func (in *interpreter) eval(x value, e *env) value {
	for {
		var form *pair
		switch t := x.(type) {
		case *symbol:
			return e.lookup(t)
		case *pair:
			form = t
		default:
			return x // numbers, booleans and () evaluate to themselves
		}

		args := form.tail
		if s, ok := form.head.(*symbol); ok {
			switch s {
			case symQuote:
				return car(args)
			case symIf:
				if truthy(in.eval(car(args), e)) {
					x = car(cdr(args))
				} else if rest := cdr(cdr(args)); rest != nil {
					x = car(rest)
				} else {
					return boolean(false)
				}
				continue
			case symDefine:
				in.define(args, e)
				return nil
			case symSet:
				e.set(car(args).(*symbol), in.eval(car(cdr(args)), e))
				return nil
			case symLambda:
				return makeClosure(car(args), cdr(args), e)
			case symBegin:
				x = in.evalBody(args, e)
				continue
			case symLet:
				x, e = in.let(args, e)
				continue
			case symCond:
				next, done := in.cond(args, e)
				if done {
					return next
				}
				x = next
				continue
			case symAnd, symOr:
				next, done := in.andOr(s == symAnd, args, e)
				if done {
					return next
				}
				x = next
				continue
			}
		}

		// A procedure call.
		f := in.eval(form.head, e)
		var vals []value
		for a := args; a != nil; a = cdr(a) {
			vals = append(vals, in.eval(car(a), e))
		}
		switch f := f.(type) {
		case *builtin:
			return f.fn(vals)
		case *closure:
			e = bind(f, vals)
			x = in.evalBody(f.body, e)
		default:
			panic("not a procedure: " + show(f))
		}
	}
}

// evalBody evaluates all but the last form of body and returns the last, for the caller to
// evaluate in tail position.
func (in *interpreter) evalBody(body value, e *env) value {
	for cdr(body) != nil {
		in.eval(car(body), e)
		body = cdr(body)
	}
	return car(body)
}

// define handles (define name expr) and (define (name params...) body...).
func (in *interpreter) define(args value, e *env) {
	if head, ok := car(args).(*pair); ok {
		e.define(head.head.(*symbol), makeClosure(head.tail, cdr(args), e))
		return
	}
	e.define(car(args).(*symbol), in.eval(car(cdr(args)), e))
}

// let handles (let ((name init)...) body...) and the named form
// (let loop ((name init)...) body...), returning the body's last form and its scope.
func (in *interpreter) let(args value, e *env) (value, *env) {
	var loop *symbol
	if s, ok := car(args).(*symbol); ok {
		loop = s
		args = cdr(args)
	}
	var params, inits []value
	for b := car(args); b != nil; b = cdr(b) {
		params = append(params, car(car(b)))
		inits = append(inits, in.eval(car(cdr(car(b))), e))
	}
	body := cdr(args)
	if loop != nil {
		// The loop procedure is visible inside its own body.
		scope := &env{outer: e}
		c := makeClosure(list(params...), body, scope)
		scope.define(loop, c)
		inner := bind(c, inits)
		return in.evalBody(body, inner), inner
	}
	inner := &env{outer: e, vals: inits}
	for _, p := range params {
		inner.names = append(inner.names, p.(*symbol))
	}
	return in.evalBody(body, inner), inner
}

// cond returns either the chosen clause's last form to evaluate (done false) or a final value.
func (in *interpreter) cond(clauses value, e *env) (value, bool) {
	for c := clauses; c != nil; c = cdr(c) {
		clause := car(c)
		if car(clause) == symElse || truthy(in.eval(car(clause), e)) {
			if cdr(clause) == nil {
				return boolean(true), true
			}
			return in.evalBody(cdr(clause), e), false
		}
	}
	return boolean(false), true
}

// andOr evaluates all but the last operand, stopping early at the first #f for and or the
// first true value for or; otherwise it returns the last operand for tail evaluation.
func (in *interpreter) andOr(isAnd bool, args value, e *env) (value, bool) {
	if args == nil {
		return boolean(isAnd), true
	}
	for cdr(args) != nil {
		v := in.eval(car(args), e)
		if truthy(v) != isAnd {
			return v, true
		}
		args = cdr(args)
	}
	return car(args), false
}

// makeClosure builds a procedure from a parameter list (possibly dotted, or a single symbol
// for all arguments) and a body.
func makeClosure(params, body value, e *env) *closure {
	c := &closure{body: body, env: e}
	for params != nil {
		if s, ok := params.(*symbol); ok {
			c.rest = s
			break
		}
		c.params = append(c.params, car(params).(*symbol))
		params = cdr(params)
	}
	return c
}

// bind makes the scope of a call of c with the given arguments.
func bind(c *closure, args []value) *env {
	if len(args) < len(c.params) || (c.rest == nil && len(args) > len(c.params)) {
		panic("wrong number of arguments")
	}
	// Full slice expressions: a define inside the body appends to these without touching the
	// closure's parameter list or the caller's argument slice.
	n := len(c.params)
	scope := &env{names: c.params[:n:n], vals: args[:n:n], outer: c.env}
	if c.rest != nil {
		scope.names = append(scope.names, c.rest)
		scope.vals = append(scope.vals, list(args[n:]...))
	}
	return scope
}
