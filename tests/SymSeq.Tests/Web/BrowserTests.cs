using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SymSeq.Tests.Web;

/// <summary>The playground in a real headless Chromium, driven with Selenium WebDriver: what a visitor does.</summary>
[Collection("torch")]
public sealed class BrowserTests(PlaygroundFixture server) : IClassFixture<PlaygroundFixture>
{
    private static ChromeDriver StartBrowser()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.Driver)!, Path.GetFileName(BrowserFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1000,820");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [BrowserFact]
    public void Typing_an_integral_and_submitting_shows_the_rendered_verified_answer()
    {
        using var browser = StartBrowser();
        browser.Navigate().GoToUrl(server.Url);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        var input = browser.FindElement(By.Id("expr"));
        input.SendKeys("cos(x)*ln(x) + sin(x)/x");   // the model's: neither term alone has an elementary integral
        // The live preview renders the integral with KaTeX before anything is submitted.
        wait.Until(d => d.FindElements(By.CssSelector("#preview .katex")).Count > 0);
        browser.FindElement(By.Id("go")).Click();
        wait.Until(d => d.FindElement(By.Id("status")).Text.StartsWith("verified", StringComparison.Ordinal));
        var answer = browser.FindElement(By.Id("answer"));
        Assert.NotEmpty(answer.FindElements(By.CssSelector(".katex"))); // rendered, not raw text
        Assert.Equal("ln(x)*sin(x)", answer.GetAttribute("data-infix"));
        Assert.Contains("by model", browser.FindElement(By.Id("status")).Text);
        Assert.Contains("sin", answer.Text);
        var rows = browser.FindElements(By.CssSelector("#candidates tbody tr"));
        Assert.Equal(10, rows.Count);
        Assert.Contains(rows, r => r.GetAttribute("class") == "verified");
        // its one step, the model's proposal, in the steps panel (closed until opened), rendered
        browser.FindElement(By.CssSelector("#steps-panel summary")).Click();
        var steps = browser.FindElements(By.CssSelector("#steps li"));
        Assert.Single(steps);
        Assert.Contains("model", steps[0].Text);
        Assert.NotEmpty(steps[0].FindElements(By.CssSelector(".katex")));

        if (Environment.GetEnvironmentVariable("SYMSEQ_SCREENSHOT") is { Length: > 0 } shot)
        {
            browser.FindElement(By.CssSelector("#details summary")).Click();
            browser.GetScreenshot().SaveAsFile(shot);
        }
    }

    [BrowserFact]
    public void A_typing_error_is_shown_with_its_column_and_examples_solve_on_click()
    {
        using var browser = StartBrowser();
        browser.Navigate().GoToUrl(server.Url);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        browser.FindElement(By.Id("expr")).SendKeys("x*cos(x");
        wait.Until(d => d.FindElement(By.Id("preview-error")).Text.Contains("column 8"));
        browser.FindElement(By.CssSelector(".examples button[data-expr='1/(1+x^2)']")).Click();
        wait.Until(d => d.FindElement(By.Id("status")).Text.StartsWith("verified", StringComparison.Ordinal));
        Assert.Equal("atan(x)", browser.FindElement(By.Id("answer")).GetAttribute("data-infix"));
    }
}
