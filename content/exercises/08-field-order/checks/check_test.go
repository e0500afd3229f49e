package main

// Hidden checks added by the exercise checker: Event keeps every field with its type and is
// 16 bytes, and record still makes one Event per request.

import (
	"reflect"
	"testing"
	"unsafe"
)

var checkSink []Event

func BenchmarkCheckEvent(b *testing.B) {
	if s := unsafe.Sizeof(Event{}); s != 16 {
		b.Fatalf("unsafe.Sizeof(Event{}) = %d, want 16", s)
	}
	want := map[string]reflect.Kind{
		"Urgent": reflect.Bool, "At": reflect.Int64, "Seen": reflect.Bool,
		"Code": reflect.Int32, "Kind": reflect.Uint8,
	}
	t := reflect.TypeOf(Event{})
	if t.NumField() != len(want) {
		b.Fatalf("Event has %d fields, want the 5 it started with", t.NumField())
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if k, ok := want[f.Name]; !ok || f.Type.Kind() != k {
			b.Fatalf("Event field %s %s is not one of the fields it started with", f.Name, f.Type)
		}
	}
	for _, n := range []int{0, 1, 3, 1000, 4097} {
		if got := len(record(n)); got != n {
			b.Fatalf("len(record(%d)) = %d, want %d", n, got, n)
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}

func BenchmarkCheckRecord(b *testing.B) {
	for b.Loop() {
		checkSink = record(1024)
	}
	if len(checkSink) != 1024 {
		b.Fatalf("record(1024) returned %d events", len(checkSink))
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
