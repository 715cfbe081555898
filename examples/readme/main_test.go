package main

func Example_main() {
	main()
	// Output:
	// 50.00
	// 订单金额 99.99 元，适用 <100 元档 50%：49.995 → 50.00 元
	// Order 99.99 yuan, tier <100 yuan at 50%: 49.995 → 50.00 yuan
}
