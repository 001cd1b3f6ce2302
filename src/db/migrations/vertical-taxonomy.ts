/**
 * The vertical taxonomy every deployment starts with: two levels, top-level categories and the
 * niches within them, including the article's own (functional skincare, hyaluronic-acid snacks,
 * infant food supplements). Admins may add more through verticalCreate.
 *
 * Applied by a migration, so it is frozen: a later change to the taxonomy is a new migration.
 */
export const BASE_TAXONOMY: { slug: string; name: string; description: string; children: { slug: string; name: string; description: string }[] }[] = [
  {
    slug: 'beauty',
    name: 'Beauty & personal care',
    description: 'Skincare, make-up, hair and fragrance.',
    children: [
      { slug: 'beauty.functional-skincare', name: 'Functional skincare', description: 'Efficacy-led skincare: ceramides, retinoids, repair and sensitive-skin lines.' },
      { slug: 'beauty.makeup', name: 'Make-up', description: 'Colour cosmetics.' },
      { slug: 'beauty.haircare', name: 'Hair care', description: 'Scalp and hair treatments.' },
      { slug: 'beauty.fragrance', name: 'Fragrance', description: 'Perfume and scented products.' },
    ],
  },
  {
    slug: 'food',
    name: 'Food & beverage',
    description: 'Snacks, drinks and everyday food.',
    children: [
      { slug: 'food.hyaluronic-acid-snacks', name: 'Hyaluronic-acid snacks', description: 'Functional snacks fortified with hyaluronic acid, collagen and similar actives.' },
      { slug: 'food.healthy-drinks', name: 'Healthy drinks', description: 'Low-sugar, functional and plant-based drinks.' },
      { slug: 'food.snacks', name: 'Snacks', description: 'Everyday snacks.' },
    ],
  },
  {
    slug: 'mother-baby',
    name: 'Mother & baby',
    description: 'Products for pregnancy, infants and young children.',
    children: [
      { slug: 'mother-baby.infant-food-supplements', name: 'Infant food supplements', description: 'DHA, probiotics, vitamin D and other supplements for infants.' },
      { slug: 'mother-baby.infant-formula', name: 'Infant formula', description: 'Formula milk and follow-on milk.' },
      { slug: 'mother-baby.baby-care', name: 'Baby care', description: 'Nappies, baby skincare and bathing.' },
    ],
  },
  {
    slug: 'health',
    name: 'Health & wellness',
    description: 'Nutrition, supplements and fitness.',
    children: [
      { slug: 'health.nutrition-supplements', name: 'Nutrition supplements', description: 'Vitamins, minerals and dietary supplements for adults.' },
      { slug: 'health.otc-medicine', name: 'OTC medicine', description: 'Over-the-counter medicines and medical devices.' },
      { slug: 'health.fitness', name: 'Fitness', description: 'Sports nutrition and equipment.' },
    ],
  },
  {
    slug: 'fashion',
    name: 'Fashion',
    description: 'Clothing and accessories.',
    children: [
      { slug: 'fashion.womenswear', name: 'Womenswear', description: "Women's clothing." },
      { slug: 'fashion.menswear', name: 'Menswear', description: "Men's clothing." },
      { slug: 'fashion.accessories', name: 'Accessories', description: 'Bags, jewellery and watches.' },
    ],
  },
  {
    slug: 'home',
    name: 'Home & living',
    description: 'Household goods and appliances.',
    children: [
      { slug: 'home.appliances', name: 'Small appliances', description: 'Kitchen and household appliances.' },
      { slug: 'home.household', name: 'Household goods', description: 'Cleaning and storage.' },
    ],
  },
  {
    slug: 'electronics',
    name: 'Consumer electronics',
    description: 'Phones, gadgets and smart devices.',
    children: [
      { slug: 'electronics.phones', name: 'Phones & accessories', description: 'Handsets and accessories.' },
      { slug: 'electronics.smart-home', name: 'Smart home', description: 'Connected devices.' },
    ],
  },
  {
    slug: 'finance',
    name: 'Personal finance',
    description: 'Insurance, wealth management and financial education (a licensed topic).',
    children: [{ slug: 'finance.insurance', name: 'Insurance', description: 'Health and life insurance products.' }],
  },
];
