package p
import fmt
import 1
