lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum
