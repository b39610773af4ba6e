package org.clinlead.impact;

/**
 * The few distributions the impact analyses need (docs/impact.md, "How the figures are computed"):
 * Student's t quantile for confidence intervals of a difference in means (Welch), and Fisher's z
 * interval for a correlation. Pure functions, no dependencies.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Welch–Satterthwaite degrees of freedom for two groups' variances and sizes. */
    public static double welchDegreesOfFreedom(double variance1, long n1, double variance2, long n2) {
        double a = variance1 / n1;
        double b = variance2 / n2;
        if (a + b == 0) {
            return n1 + n2 - 2;
        }
        return (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    }

    /** The two-sided 95 % critical value of Student's t with {@code df} degrees of freedom. */
    public static double t975(double df) {
        return tQuantile(0.975, df);
    }

    /** The p-quantile (0.5 < p < 1) of Student's t, by bisection on its distribution function. */
    static double tQuantile(double p, double df) {
        if (!(df > 0) || !(p > 0.5 && p < 1)) {
            throw new IllegalArgumentException("t quantile needs df > 0 and 0.5 < p < 1, got df=" + df + ", p=" + p);
        }
        double low = 0;
        double high = 1;
        while (tCdf(high, df) < p) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-10; i++) {
            double mid = (low + high) / 2;
            if (tCdf(mid, df) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(T <= t) for t >= 0: 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t^2). */
    static double tCdf(double t, double df) {
        double x = df / (df + t * t);
        return 1 - 0.5 * regularizedBeta(x, df / 2, 0.5);
    }

    /** The regularised incomplete beta function I_x(a, b) (continued fraction, Lentz's method). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The 95 % interval of a correlation r over n pairs by Fisher's z; null when n < 4 or |r| = 1. */
    public static double[] correlationInterval(double r, long n) {
        if (n < 4 || Math.abs(r) >= 1) {
            return null;
        }
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double half = 1.959963984540054 / Math.sqrt(n - 3);
        return new double[] {Math.tanh(z - half), Math.tanh(z + half)};
    }
}
