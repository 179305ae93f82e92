using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace SymSeq.Tests.Expressions;

public class RationalTests
{
    [Fact]
    public void Exact_roots_are_found_at_any_size_and_never_invented()
    {
        // A double guess is wrong past 2^53 and infinite past 10^308 ("BigInteger cannot represent infinity").
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(2, 7).ToArbitrary(), (digits, k) =>
        {
            var n = BigInteger.Pow(10, digits) + 7;
            var power = new Rational(BigInteger.Pow(n, k), BigInteger.Pow(3, k));
            var found = power.TryRoot(k, out var root) && root == new Rational(n, 3);
            var off = new Rational(BigInteger.Pow(n, k) + 1);
            return found && !off.TryRoot(k, out _);
        }).QuickCheckThrowOnFailure();
        Assert.True(new Rational(BigInteger.Pow(10, 400)).TryRoot(2, out var r) && r == new Rational(BigInteger.Pow(10, 200)));
        Assert.False(new Rational(3).TryRoot(2, out _));
        Assert.False(new Rational(-8).TryRoot(2, out _));
        Assert.True(new Rational(-8).TryRoot(3, out var m) && m == new Rational(-2));
    }
}
